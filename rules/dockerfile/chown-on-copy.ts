import { imageStages } from "../../src/engine/invocations.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { isRootUser } from "../../src/engine/users.js";

export default defineDockerfileRule({
  meta: {
    id: "chown-on-copy",
    code: "DF116",
    category: "security",
    severity: "info",
    description: "COPY/ADD --chown hands the copied files to a non-root user, so the application can rewrite them.",
    aliases: ["kics:aa93e17f-b6db-4162-9334-c70334e7ac28"],
    messages: {
      chown: "`--chown={{owner}}` makes the copied files owned by a non-root user, so a compromised process running as that user can rewrite its own code; keep them root-owned and read-only, and chown only the directories the app must write.",
    },
  },
  check({ model, report }) {
    for (const stage of imageStages(model)) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== "COPY" && ins.keyword !== "ADD") continue;
        const flag = ins.flags.find((f) => f.name === "chown");
        if (!flag || !flag.value || isRootUser(flag.value) !== false) continue;
        report({ messageId: "chown", data: { owner: flag.value }, range: flag.range });
      }
    }
  },
});
