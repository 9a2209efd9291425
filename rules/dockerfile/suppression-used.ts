import { defineDockerfileRule } from "../../src/engine/rule.js";
import { FILE_PRAGMAS, LINE_PRAGMAS } from "../../src/engine/suppress.js";

export default defineDockerfileRule({
  meta: {
    id: "suppression-used",
    code: "DF413",
    category: "maintainability",
    severity: "off",
    description: "An ignore pragma switches findings off inside the Dockerfile.",
    aliases: ["DL1001"],
    messages: {
      line: "This comment suppresses findings for the next instruction; the team policy is to fix findings or record exceptions in the configuration, not inline.",
      file: "This comment suppresses findings for the whole file; the team policy is to fix findings or record exceptions in the configuration, not inline.",
    },
  },
  check({ model, report }) {
    // The parser takes a pragma on the first lines for a directive (`# hadolint global ignore=…`): look at both.
    const ranges = [...model.directives, ...model.comments].map((c) => c.range).sort((a, b) => a.start.line - b.start.line);
    for (const range of ranges) {
      const text = model.index.line(range.start.line).trim();
      if (!text.startsWith("#")) continue;
      const kind = FILE_PRAGMAS.some((re) => re.test(text)) ? "file" : LINE_PRAGMAS.some((re) => re.test(text)) ? "line" : null;
      if (kind) report({ messageId: kind, range });
    }
  },
});
