import { everyInstruction } from "../../src/engine/instruction-index.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "legacy-key-value",
    code: "DF409",
    category: "maintainability",
    severity: "info",
    description: "ENV or LABEL uses the legacy `key value` form instead of `key=value`.",
    aliases: ["buildkit:LegacyKeyValueFormat"],
    fixable: true,
    messages: {
      legacy: "`{{keyword}} {{name}} …` uses the legacy space-separated form, which takes the whole rest of the line as one value and is deprecated; write `{{name}}=value`.",
    },
  },
  check({ model, report }) {
    for (const ins of everyInstruction(model)) {
      if (ins.keyword !== "ENV" && ins.keyword !== "LABEL") continue;
      for (const p of ins.properties) {
        if (p.hasEquals || !p.valueRange) continue;
        const raw = model.index.slice(p.valueRange);
        const plain = !/\s/.test(raw);
        const quotable = !/["'\\\n\r`]/.test(raw);
        const gap = { start: p.nameRange.end, end: p.valueRange.start };
        const fix = p.valueRange.start.line === p.nameRange.end.line && (plain || quotable)
          ? {
              description: "Use key=value",
              edits: plain ? [{ range: gap, text: "=" }] : [{ range: { start: gap.start, end: p.valueRange.end }, text: `="${raw}"` }],
            }
          : undefined;
        report({ messageId: "legacy", data: { keyword: ins.keyword, name: p.name }, range: p.range, fix });
      }
    }
  },
});
