import { ILLEGAL_TRIGGERS } from "../../src/engine/instructions.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "onbuild-illegal",
    code: "DF331",
    category: "reliability",
    severity: "error",
    description: "ONBUILD registers ONBUILD, FROM or MAINTAINER, which Docker does not allow as triggers.",
    aliases: ["DL3043"],
    messages: {
      illegal: "`ONBUILD {{trigger}}` is not allowed: ONBUILD, FROM and MAINTAINER cannot be triggers, so Docker rejects the Dockerfile. Remove it, or put the instruction in the child image's Dockerfile.",
    },
  },
  check({ model, report }) {
    for (const ins of model.instructions) {
      const trigger = ins.trigger;
      if (ins.keyword === "ONBUILD" && trigger && ILLEGAL_TRIGGERS.has(trigger.keyword)) {
        report({ messageId: "illegal", data: { trigger: trigger.keyword }, range: trigger.keywordRange });
      }
    }
  },
});
