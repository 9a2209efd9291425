import { defineDockerfileRule } from "../../src/engine/rule.js";
import { KNOWN_INSTRUCTIONS } from "../../src/engine/instructions.js";

export default defineDockerfileRule({
  meta: {
    id: "first-instruction",
    code: "DF330",
    category: "reliability",
    severity: "error",
    description: "An instruction other than ARG comes before the first FROM.",
    aliases: ["DL3061"],
    messages: {
      beforeFrom: "`{{keyword}}` comes before the first FROM; only ARG, comments and parser directives may precede it, so the build fails with \"no build stage in current context\". Move it below a FROM.",
    },
  },
  check({ model, report }) {
    for (const ins of model.globalArgs) {
      // Unknown keywords are dockerfile-syntax's to report.
      if (ins.keyword === "ARG" || !KNOWN_INSTRUCTIONS.has(ins.keyword)) continue;
      report({ messageId: "beforeFrom", data: { keyword: ins.keyword }, range: ins.keywordRange });
    }
  },
});
