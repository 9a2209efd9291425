import { runInvocations } from "../../src/engine/invocations.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "sudo-in-run",
    code: "DF104",
    category: "security",
    severity: "warning",
    description: "RUN uses sudo.",
    aliases: ["DL3004", "DS-0010", "CKV2_DOCKER_1", "kics:8ada6e80-0ade-439e-b176-0b28f6bce35a"],
    messages: {
      sudo: "`sudo` in a RUN step means the image ships sudo and a sudo-capable user, and its TTY and environment handling is unpredictable in builds; switch with `USER root` for the step instead (or use gosu/su-exec at run time).",
    },
  },
  check({ model, report }) {
    for (const inv of runInvocations(model)) {
      if (inv.name !== "sudo") continue;
      report({ messageId: "sudo", range: inv.command ? inv.command.nameWord.range : inv.range });
    }
  },
});
