import { instructionsNamed } from "../../src/engine/instruction-index.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "unnamed-stage-ref",
    code: "DF407",
    category: "maintainability",
    severity: "info",
    description: "COPY --from refers to a build stage by its index instead of its name.",
    aliases: ["kics:68a51e22-ae5a-4d48-8e87-b01a323605c9"],
    fixable: true,
    messages: {
      index: "`--from={{index}}` refers to a stage by position, which silently points elsewhere when stages are added or reordered; name the stage (`FROM … AS build`) and use `--from=build`.",
    },
  },
  check({ model, report }) {
    for (const ins of instructionsNamed(model, "COPY")) {
      const from = ins.flags.find((f) => f.name === "from");
      if (!from?.value || !/^\d+$/.test(from.value) || !from.valueRange) continue;
      const name = model.stages[Number(from.value)]?.name;
      report({
        messageId: "index",
        data: { index: from.value },
        range: from.valueRange,
        fix: name ? { description: `Refer to stage \`${name}\` by name`, edits: [{ range: from.valueRange, text: name }] } : undefined,
      });
    }
  },
});
