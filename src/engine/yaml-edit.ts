import { isMap, isNode, isPair, isScalar, isSeq, type Node, type Pair, type Scalar } from "yaml";
import type { ComposeModel, YamlPath } from "./parse/compose.js";
import type { Edit } from "./types.js";

/** The file's line break: CRLF when the file uses it, else LF. */
export const eolOf = (model: ComposeModel): string => (model.text.includes("\r\n") ? "\r\n" : "\n");

/** The lines an entry of a block collection takes: from its first to its last, and the indentation of its key or dash. */
export interface EntrySpan {
  first: number;
  last: number;
  indent: number;
}

/**
 * The lines of each entry of a block mapping or block sequence: its own lines and the comment
 * lines indented deeper than it below it (commented-out keys, even after a blank line). undefined
 * when an entry does not start its own line, or entries share lines.
 */
export function entrySpans(model: ComposeModel, items: readonly unknown[]): EntrySpan[] | undefined {
  const { index, text } = model;
  const spans: EntrySpan[] = [];
  for (const item of items) {
    const bounds = boundsOf(item);
    if (!bounds) return undefined;
    const start = index.position(bounds[0]);
    const before = index.line(start.line).slice(0, start.column - 1);
    if (isPair(item) ? before.trim() !== "" : !/^\s*-\s+$/.test(before)) return undefined;
    // The parser counts the comment lines after a collection's last entry into it, whatever their
    // indentation (`# Custom network` above the next top-level key): the entry ends at its last
    // line of content; the deeper-indented comment lines are taken back below.
    let endOffset = bounds[1];
    for (;;) {
      while (endOffset > bounds[0] && /\s/.test(text[endOffset - 1])) endOffset--;
      const lineStart = text.lastIndexOf("\n", endOffset - 1) + 1;
      if (lineStart <= bounds[0] || !text.slice(lineStart, endOffset).trimStart().startsWith("#")) break;
      endOffset = lineStart;
    }
    const indent = before.length - before.trimStart().length;
    spans.push({ first: start.line, last: index.position(endOffset).line, indent });
  }
  // Deeper-indented comment lines after an entry belong to it (commented-out keys), also past blank lines.
  for (let i = 0; i < spans.length; i++) {
    const limit = i + 1 < spans.length ? spans[i + 1].first - 1 : index.lineCount;
    for (let next = spans[i].last + 1; next <= limit; next++) {
      const line = index.line(next);
      if (line.trim() === "") continue;
      if (!isComment(line) || indentOf(line) <= spans[i].indent) break;
      spans[i].last = next;
    }
    if (i > 0 && spans[i].first <= spans[i - 1].last) return undefined;
  }
  return spans;
}

export const indentOf = (line: string): number => line.length - line.trimStart().length;
export const isComment = (line: string): boolean => line.trimStart().startsWith("#");

function boundsOf(item: unknown): [number, number] | null {
  if (isPair(item)) {
    const pair = item as Pair<unknown, unknown>;
    const key = isNode(pair.key) ? pair.key : null;
    const value = isNode(pair.value) ? pair.value : null;
    if (!key?.range) return null;
    return [key.range[0], value?.range ? value.range[1] : key.range[1]];
  }
  if (isNode(item) && item.range) return [item.range[0], item.range[1]];
  return null;
}

/**
 * An edit that adds `text` (one line, or several with `\n` between them, written without the
 * mapping's indentation) to the block mapping at `path` as a new entry, indented like its keys,
 * before the entry at index `at` (above the comment lines right over that key: they describe it,
 * and stay with it), or after the last entry when `at` is the number of entries (below the
 * deeper-indented comment lines that belong to it). undefined when the mapping is not the file's
 * own (ownedNode: in flow style, or anchored or reached through an alias, so that the edit would
 * change every alias of it), is empty, its keys do not start their own lines or are not indented
 * alike, or it ends with a block scalar that keeps its trailing lines (`|+`).
 */
export function insertKey(model: ComposeModel, path: YamlPath, text: string, at = 0): Edit | undefined {
  const node = ownedNode(model, path);
  if (!isMap(node) || node.flow || !node.items.length || at < 0 || at > node.items.length) return undefined;
  const spans = entrySpans(model, node.items);
  // Keys indented unlike each other: a mapping merged from documents written in different styles.
  if (!spans || spans.some((s) => s.indent !== spans[0].indent)) return undefined;
  const indent = " ".repeat(spans[0].indent);
  const eol = eolOf(model);
  const lines = text.split("\n").map((l) => indent + l);
  const { index } = model;
  if (at < spans.length) {
    let above = spans[at].first;
    while (above > 1 && isComment(index.line(above - 1)) && indentOf(index.line(above - 1)) === spans[at].indent) above--;
    const pos = { line: above, column: 1 };
    return { range: { start: pos, end: pos }, text: lines.map((l) => l + eol).join("") };
  }
  const last = node.items[node.items.length - 1].value;
  const keeps = isScalar(last) && (last.type === "BLOCK_LITERAL" || last.type === "BLOCK_FOLDED") && last.range && /^[|>][1-9]?\+/.test(model.text.slice(last.range[0]));
  if (keeps) return undefined;
  // At the end of the entry's last line, not at the start of the next: an edit that rewrites the
  // lines up to there (a reorder) then overlaps it and waits, where the new lines would have
  // followed whatever the reorder put last.
  const end = spans[spans.length - 1].last;
  const pos = { line: end, column: index.lineLength(end) + 1 };
  return { range: { start: pos, end: pos }, text: lines.map((l) => eol + l).join("") };
}

/** insertKey as the mapping's first entry. */
export function insertFirstKey(model: ComposeModel, path: YamlPath, line: string): Edit | undefined {
  return insertKey(model, path, line, 0);
}

/**
 * An edit that appends the string `value` to the sequence of scalars at `path`, in the sequence's
 * style: a block sequence gets a line after its last entry with that entry's dash and indentation,
 * quoted like it; a flow sequence gets the entry before its `]`, after the separator its entries
 * use, in double quotes unless its last entry is single-quoted (a plain `a:b` in a flow sequence
 * trips older YAML parsers). undefined when the sequence is not the file's own (ownedNode), holds
 * anything but plain or quoted scalars, or has comments or a trailing comma inside its brackets.
 */
export function appendEntry(model: ComposeModel, path: YamlPath, value: string): Edit | undefined {
  const node = ownedNode(model, path);
  if (!isSeq(node) || !node.range) return undefined;
  const items = node.items as unknown[];
  if (!items.every((i) => isScalar(i) && i.range && !i.anchor && ["PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE"].includes(String(i.type)))) return undefined;
  const scalars = items as Scalar[];
  const last = scalars[scalars.length - 1] as Scalar | undefined;
  const quote = (q: string) => `${q}${value}${q}`;
  const { index, text } = model;
  if (!node.flow) {
    const spans = last && entrySpans(model, items);
    if (!last || !spans) return undefined;
    const start = index.position(last.range![0]);
    const dash = index.line(start.line).slice(0, start.column - 1);
    const end = spans[spans.length - 1].last;
    const entry = last.type === "QUOTE_DOUBLE" ? quote('"') : last.type === "QUOTE_SINGLE" ? quote("'") : value;
    const pos = { line: end, column: index.lineLength(end) + 1 };
    return { range: { start: pos, end: pos }, text: `${eolOf(model)}${dash}${entry}` };
  }
  const close = node.range[1] - 1;
  if (text[close] !== "]") return undefined;
  const after = last ? last.range![1] : node.range[0] + 1;
  if (text.slice(after, close).trim() !== "") return undefined;
  const entry = last?.type === "QUOTE_SINGLE" ? quote("'") : quote('"');
  const separator = scalars.length > 1 ? text.slice(scalars[0].range![1], scalars[1].range![0]) : ", ";
  if (separator.trim() !== ",") return undefined;
  const at = index.position(after);
  return { range: { start: at, end: at }, text: last ? `${separator}${entry}` : entry };
}

/**
 * An edit that deletes entry `at` of the sequence of scalars at `path`, which keeps at least one
 * other: in a block sequence its lines (the comment lines that belong to it too, see entrySpans),
 * in a flow sequence the entry with the separator after it (before it, for the last entry).
 * undefined when the sequence is not the file's own (ownedNode), holds anything but plain or
 * quoted scalars, or has comments inside its brackets.
 */
export function removeEntry(model: ComposeModel, path: YamlPath, at: number): Edit | undefined {
  const node = ownedNode(model, path);
  if (!isSeq(node) || node.items.length < 2 || at < 0 || at >= node.items.length) return undefined;
  const items = node.items as unknown[];
  if (!items.every((i) => isScalar(i) && i.range && !i.anchor && ["PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE"].includes(String(i.type)))) return undefined;
  const ranges = (items as Scalar[]).map((i) => i.range!);
  const { index, text } = model;
  if (!node.flow) {
    const spans = entrySpans(model, items);
    if (!spans) return undefined;
    const { first, last } = spans[at];
    if (last < index.lineCount) return { range: { start: { line: first, column: 1 }, end: { line: last + 1, column: 1 } }, text: "" };
    const above = spans[at - 1].last;
    return { range: { start: { line: above, column: index.lineLength(above) + 1 }, end: { line: last, column: index.lineLength(last) + 1 } }, text: "" };
  }
  const [start, end] = at + 1 < ranges.length ? [ranges[at][0], ranges[at + 1][0]] : [ranges[at - 1][1], ranges[at][1]];
  const between = at + 1 < ranges.length ? text.slice(ranges[at][1], ranges[at + 1][0]) : text.slice(ranges[at - 1][1], ranges[at][0]);
  if (between.trim() !== ",") return undefined;
  return { range: index.range(start, end), text: "" };
}

/**
 * The node at `path` when this file writes it there itself: every mapping on the way is in block
 * style, anchored nowhere and reached through no alias (getIn does not follow merge keys), so an
 * edit of it changes this one place only. undefined otherwise.
 */
export function ownedNode(model: ComposeModel, path: YamlPath): Node | undefined {
  let node = model.doc.contents as Node | null;
  for (const key of path) {
    if (!isMap(node) && !isSeq(node)) return undefined;
    if (node.anchor || (isMap(node) && node.flow)) return undefined;
    node = node.get(key, true) as Node | null;
  }
  return node && !node.anchor && node.range ? node : undefined;
}

/** True when the mapping at `path` merges another (`<<: *defaults`). */
export function hasMergeKey(model: ComposeModel, path: YamlPath): boolean {
  const node = model.doc.getIn(path, true) as Node | undefined;
  return isMap(node) && node.items.some((p) => keyName(p.key) === "<<");
}

/** A mapping key as text: `<<` for a merge key (the parser gives it a symbol), null for complex keys. */
export function keyName(key: unknown): string | null {
  if (!isScalar(key)) return null;
  return typeof key.value === "symbol" ? "<<" : key.value === null ? null : String(key.value);
}
