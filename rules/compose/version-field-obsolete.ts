import { isMap, isScalar, type Node } from "yaml";
import type { ComposeModel } from "../../src/engine/parse/compose.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import type { Fix } from "../../src/engine/types.js";

export default defineComposeRule({
  meta: {
    id: "version-field-obsolete",
    code: "DC401",
    category: "maintainability",
    severity: "info",
    description: "The top-level `version:` field is obsolete.",
    aliases: ["no-version-field"],
    fixable: true,
    messages: {
      obsolete: "The top-level `version: {{version}}` is obsolete: Docker Compose ignores it (and warns), and it wrongly suggests which features apply; remove the line.",
    },
  },
  check({ model, report }) {
    if (!Object.prototype.hasOwnProperty.call(model.data, "version")) return;
    report({
      messageId: "obsolete",
      data: { version: String(model.data.version ?? "") },
      range: model.locateKey(["version"]),
      fix: removeLineFix(model),
    });
  },
});

/** Deletes the `version:` line (and a blank line after it when it opened the file or a block). */
function removeLineFix(model: ComposeModel): Fix | undefined {
  const root = model.doc.contents;
  if (!isMap(root) || root.flow) return undefined;
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === "version");
  const key = pair?.key as Node | undefined;
  const value = pair?.value as Node | null | undefined;
  if (!key?.range || (value && !isScalar(value))) return undefined;
  const start = model.index.position(key.range[0]);
  const end = model.index.position(value?.range ? value.range[1] : key.range[1]);
  if (start.column !== 1) return undefined;
  const rest = model.index.line(end.line).slice(end.column - 1).trim();
  if (rest && !rest.startsWith("#")) return undefined;
  let last = end.line;
  const blankBefore = start.line === 1 || model.index.line(start.line - 1).trim() === "";
  if (blankBefore && last < model.index.lineCount && model.index.line(last + 1).trim() === "") last++;
  const to = last < model.index.lineCount ? { line: last + 1, column: 1 } : { line: last, column: model.index.lineLength(last) + 1 };
  return { description: "Remove the obsolete version line", edits: [{ range: { start: { line: start.line, column: 1 }, end: to }, text: "" }] };
}
