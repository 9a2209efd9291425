import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "copy-from-self",
    code: "DF324",
    category: "reliability",
    severity: "error",
    description: "COPY --from names the stage the instruction is in.",
    aliases: ["DL3023", "DS-0006", "kics:cdddb86f-95f6-4fc4-b5a1-483d9afceb2b"],
    messages: {
      self: "`--from={{name}}` names the stage this COPY is in; a stage cannot copy from itself, so the build fails. Copy from an earlier stage, or use a plain COPY from the build context.",
    },
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== "COPY") continue;
        const flag = ins.flags.find((f) => f.name.toLowerCase() === "from");
        const name = flag?.value;
        if (!flag || !name) continue;
        const self = name === String(stage.index) || (!!stage.name && stage.name.toLowerCase() === name.toLowerCase());
        if (self) report({ messageId: "self", data: { name }, range: flag.valueRange ?? flag.range });
      }
    }
  },
});
