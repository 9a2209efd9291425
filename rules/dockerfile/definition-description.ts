import { defineDockerfileRule } from "../../src/engine/rule.js";
import { FILE_PRAGMAS, LINE_PRAGMAS } from "../../src/engine/suppress.js";

export default defineDockerfileRule({
  meta: {
    id: "definition-description",
    code: "DF412",
    category: "maintainability",
    severity: "off",
    description: "A comment directly above an ARG or a named stage does not start with the name it describes.",
    aliases: ["buildkit:InvalidDefinitionDescription"],
    messages: {
      description: "The comment above {{what}} `{{name}}` is read as its description only when it starts with the name; write `# {{name}} <description>` (or separate other comments with an empty line).",
    },
  },
  check({ model, report }) {
    const byLine = new Map(model.comments.map((c) => [c.range.start.line, c]));
    for (const ins of model.instructions) {
      const keys = ins.keyword === "ARG" ? ins.properties.map((p) => p.name) : ins.keyword === "FROM" ? [model.stages[ins.stageIndex]?.name].filter((n): n is string => !!n) : [];
      if (!keys.length) continue;
      const comment = byLine.get(ins.range.start.line - 1);
      if (!comment) continue;
      const line = model.index.line(comment.range.start.line).trim();
      if ([...LINE_PRAGMAS, ...FILE_PRAGMAS].some((re) => re.test(line))) continue;
      const first = comment.text.trim().split(/\s+/)[0];
      if (keys.includes(first)) continue;
      const name = keys.length === 1 ? keys[0] : "<arg_key>";
      report({ messageId: "description", data: { what: ins.keyword === "ARG" ? "build argument" : "stage", name }, range: comment.range });
    }
  },
});
