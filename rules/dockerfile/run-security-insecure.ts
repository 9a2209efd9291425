import { instructionsNamed } from "../../src/engine/instruction-index.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "run-security-insecure",
    code: "DF117",
    category: "security",
    severity: "error",
    description: "RUN --security=insecure runs a build step without the container sandbox.",
    aliases: [],
    messages: {
      insecure: "`--security=insecure` runs this step with all capabilities and no seccomp or AppArmor confinement, so a compromised dependency can take over the build host; remove it and do the privileged work at run time or in a dedicated builder.",
    },
  },
  check({ model, report }) {
    for (const ins of instructionsNamed(model, "RUN")) {
      for (const flag of ins.flags) {
        if (flag.name === "security" && flag.value?.toLowerCase() === "insecure") report({ messageId: "insecure", range: flag.range });
      }
    }
  },
});
