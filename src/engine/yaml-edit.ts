import { isMap, isScalar, type Node } from "yaml";
import type { ComposeModel, YamlPath } from "./parse/compose.js";
import type { Edit } from "./types.js";

/** The file's line break: CRLF when the file uses it, else LF. */
export const eolOf = (model: ComposeModel): string => (model.text.includes("\r\n") ? "\r\n" : "\n");

/**
 * An edit that adds the line `key: value` (`line` without indentation) as the first entry of the
 * block mapping at `path`, indented like its current first key, above the comment lines right over
 * that key (they describe it, and stay with it). undefined when the mapping is in flow style,
 * empty, reached through an alias, or its first key does not start its own line.
 */
export function insertFirstKey(model: ComposeModel, path: YamlPath, line: string): Edit | undefined {
  const node = model.doc.getIn(path, true) as Node | undefined;
  if (!isMap(node) || node.flow || !node.items.length) return undefined;
  const first = node.items[0].key as Node | null;
  if (!isScalar(first) || !first.range) return undefined;
  const pos = model.index.position(first.range[0]);
  if (model.index.line(pos.line).slice(0, pos.column - 1).trim() !== "") return undefined;
  let above = pos.line;
  while (above > 1 && /^\s*#/.test(model.index.line(above - 1)) && model.index.line(above - 1).search(/\S/) === pos.column - 1) above--;
  const at = { line: above, column: 1 };
  return { range: { start: at, end: at }, text: `${" ".repeat(pos.column - 1)}${line}${eolOf(model)}` };
}

/** A mapping key as text: `<<` for a merge key (the parser gives it a symbol), null for complex keys. */
export function keyName(key: unknown): string | null {
  if (!isScalar(key)) return null;
  return typeof key.value === "symbol" ? "<<" : key.value === null ? null : String(key.value);
}
