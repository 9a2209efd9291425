import { copyOperands, isAbsoluteDest } from "../../src/engine/copy.js";
import type { DfStage } from "../../src/engine/parse/dockerfile.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "copy-relative-without-workdir",
    code: "DF321",
    category: "reliability",
    severity: "warning",
    description: "COPY or ADD to a relative destination before any WORKDIR is set in the stage.",
    aliases: ["DL3045"],
    messages: {
      relative: "`{{keyword}}` to the relative path `{{dest}}` before any WORKDIR in this stage, so the files land wherever the base image's working directory happens to be (often `/`). Set `WORKDIR /app` first or copy to an absolute path.",
    },
  },
  check({ model, report }) {
    const hasWorkdir = new Map<DfStage, boolean>();
    for (const stage of model.stages) {
      // `scratch` has no working directory but `/`, and never will: relative is unambiguous there.
      const scratch = !stage.baseStage && stage.image?.ref.toLowerCase() === "scratch";
      let set = stage.baseStage ? hasWorkdir.get(stage.baseStage) ?? false : scratch;
      for (const ins of stage.instructions) {
        if (ins.keyword === "WORKDIR") set = true;
        if ((ins.keyword !== "COPY" && ins.keyword !== "ADD") || set) continue;
        const { dest } = copyOperands(model, ins);
        if (dest && !isAbsoluteDest(dest.value)) report({ messageId: "relative", data: { keyword: ins.keyword, dest: dest.value }, range: dest.range });
      }
      hasWorkdir.set(stage, set);
    }
  },
});
