import { copyOperands } from "../../src/engine/copy.js";
import { everyInstruction } from "../../src/engine/instruction-index.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "copy-multi-src-needs-slash",
    code: "DF322",
    category: "reliability",
    severity: "error",
    description: "COPY or ADD with several sources whose destination does not end with `/`.",
    aliases: ["DL3021", "DS-0011", "kics:6db6e0c2-32a3-4a2e-93b5-72c35f4119db"],
    fixable: true,
    messages: {
      slash: "`{{keyword}}` copies {{count}} sources into `{{dest}}`; with more than one source the destination must be a directory written with a trailing `/`, and the classic builder stops the build otherwise. Write `{{dest}}/`.",
    },
  },
  check({ model, report }) {
    for (const ins of everyInstruction(model)) {
      if (ins.keyword !== "COPY" && ins.keyword !== "ADD") continue;
      const { sources, heredocSources, dest } = copyOperands(model, ins);
      const count = sources.length + heredocSources.length;
      const path = dest?.value.replace(/^["']|["']$/g, "") ?? "";
      if (!dest || count < 2 || /[/\\]$/.test(path) || path.includes("$")) continue;
      const raw = model.index.slice(dest.range);
      const quoted = /["']$/.test(raw) ? 1 : 0;
      const at = { line: dest.range.end.line, column: dest.range.end.column - quoted };
      report({
        messageId: "slash",
        data: { keyword: ins.keyword, count, dest: path },
        range: dest.range,
        fix: { description: "Add the trailing slash", edits: [{ range: { start: at, end: at }, text: "/" }] },
      });
    }
  },
});
