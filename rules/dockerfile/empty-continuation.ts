import { everyInstruction } from "../../src/engine/instruction-index.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "empty-continuation",
    code: "DF334",
    category: "reliability",
    severity: "info",
    description: "An empty line inside a line continuation.",
    aliases: ["buildkit:NoEmptyContinuation"],
    fixable: true,
    messages: {
      empty: "This empty line sits inside a `{{escape}}` continuation of `{{keyword}}`. Docker skips it today but warns that it will become an error, and it makes the instruction look finished when it is not. Remove the line.",
    },
  },
  check({ model, report }) {
    const { index, escape } = model;
    for (const ins of everyInstruction(model)) {
      if (ins.trigger || ins.range.start.line === ins.range.end.line) continue;
      const bodies = ins.heredocs.flatMap((h) => (h.contentRange ? [h.contentRange] : []));
      const heredocStart = bodies.length ? bodies[0].start.line : Infinity;
      let continued = false;
      for (let line = ins.range.start.line; line <= ins.range.end.line && line < heredocStart; line++) {
        const text = index.line(line);
        const trimmed = text.trim();
        if (!trimmed && continued && line > ins.range.start.line) {
          const range = index.lineRange(line);
          report({
            messageId: "empty",
            data: { escape, keyword: ins.keyword },
            range,
            fix: { description: "Remove the empty line", edits: [{ range: { start: { line, column: 1 }, end: { line: line + 1, column: 1 } }, text: "" }] },
          });
          continue;
        }
        if (trimmed.startsWith("#") && continued) continue;
        continued = trimmed.endsWith(escape);
      }
    }
  },
});
