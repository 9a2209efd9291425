import { everyInstruction } from "../../src/engine/instruction-index.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { isPathValue } from "../../src/engine/secret-patterns.js";
import { isSecretName } from "../../src/engine/secrets.js";

export default defineDockerfileRule({
  meta: {
    id: "secret-named-arg-env",
    code: "DF105",
    category: "security",
    severity: "error",
    description: "An ARG or ENV name looks like a credential, whose value then persists in the image or its history.",
    aliases: ["DL3064", "buildkit:SecretsUsedInArgOrEnv", "DS-0031"],
    messages: {
      arg: "Build argument `{{name}}` looks like a credential; build-arg values are recorded in the image history and build cache of every step that uses them. Pass it with `RUN --mount=type=secret,id={{id}}` instead.",
      env: "`ENV {{name}}` looks like a credential; ENV values are stored in the image config, so anyone who can pull the image can read them. Inject it at run time (environment, secret file) or use `RUN --mount=type=secret` during the build.",
    },
  },
  check({ model, report }) {
    for (const ins of everyInstruction(model)) {
      if (ins.keyword !== "ARG" && ins.keyword !== "ENV") continue;
      for (const p of ins.properties) {
        if (!isSecretName(p.name)) continue;
        if (ins.keyword === "ENV" && (!p.value.trim() || isPathValue(p.value))) continue;
        report({ messageId: ins.keyword === "ARG" ? "arg" : "env", data: { name: p.name, id: p.name.toLowerCase() }, range: p.nameRange });
      }
    }
  },
});
