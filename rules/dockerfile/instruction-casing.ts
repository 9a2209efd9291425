import { everyInstruction } from "../../src/engine/instruction-index.js";
import { KNOWN_INSTRUCTIONS } from "../../src/engine/instructions.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import type { Edit } from "../../src/engine/types.js";

export default defineDockerfileRule({
  meta: {
    id: "instruction-casing",
    code: "DF408",
    category: "maintainability",
    severity: "info",
    description: "Instruction keywords, the FROM … AS keyword or stage names are not cased consistently.",
    aliases: ["buildkit:ConsistentInstructionCasing", "buildkit:FromAsCasing", "buildkit:StageNameCasing"],
    fixable: true,
    messages: {
      keyword: "`{{actual}}` does not match the {{style}}case used by most instructions in this file; write `{{expected}}`.",
      as: "`{{actual}}` does not match the case of `FROM`; write `{{expected}}`.",
      stage: "Stage name `{{name}}` is not lower case; stage names are case-insensitive and shown lower-cased by the builder, so write `{{expected}}`.",
    },
  },
  check({ model, report }) {
    // Only instructions: a word Docker does not know (the next line of a RUN missing its `\`) is
    // dockerfile-syntax's to report, and upper-casing it (`apt-get` → `APT-GET`) would fix nothing.
    const all = [...everyInstruction(model)].filter((i) => KNOWN_INSTRUCTIONS.has(i.keyword));
    const upper = all.filter((i) => i.keywordText === i.keywordText.toUpperCase()).length;
    const lower = all.filter((i) => i.keywordText === i.keywordText.toLowerCase()).length;
    const style = lower > upper ? "lower" : "upper";
    const cased = (s: string) => (style === "lower" ? s.toLowerCase() : s.toUpperCase());
    for (const ins of all) {
      const expected = cased(ins.keywordText);
      if (ins.keywordText !== expected) {
        report({ messageId: "keyword", data: { actual: ins.keywordText, expected, style }, range: ins.keywordRange, fix: { description: `Write ${expected}`, edits: [{ range: ins.keywordRange, text: expected }] } });
      }
    }
    for (const stage of model.stages) {
      const as = stage.from.args[1];
      if (as && as.value.toLowerCase() === "as" && as.value !== cased("as")) {
        const expected = cased("as");
        report({ messageId: "as", data: { actual: as.value, expected }, range: as.range, fix: { description: `Write ${expected}`, edits: [{ range: as.range, text: expected }] } });
      }
      if (!stage.name || !stage.nameRange || stage.name === stage.name.toLowerCase()) continue;
      const expected = stage.name.toLowerCase();
      const edits: Edit[] = [{ range: stage.nameRange, text: expected }];
      for (const ins of everyInstruction(model)) {
        const from = ins.keyword === "COPY" ? ins.flags.find((f) => f.name === "from") : null;
        if (from?.value === stage.name && from.valueRange) edits.push({ range: from.valueRange, text: expected });
      }
      for (const s of model.stages) if (s.baseStage === stage && s.image?.ref === stage.name) edits.push({ range: s.image.range, text: expected });
      report({ messageId: "stage", data: { name: stage.name, expected }, range: stage.nameRange, fix: { description: `Rename the stage to ${expected}`, edits } });
    }
  },
});
