import { isAlias, isMap, isScalar, isSeq, visit, type Node, type YAMLMap, type YAMLSeq } from "yaml";
import type { ComposeModel } from "./parse/compose.js";
import { entrySpans, eolOf, indentOf, isComment } from "./yaml-edit.js";
import type { Fix } from "./types.js";

/**
 * Names in English collation order, as `a.localeCompare(b, "en")` orders them, through one collator:
 * `localeCompare` with a locale builds a collator on every call, 20 × slower over a long list.
 */
export const compareNames: (a: string, b: string) => number = new Intl.Collator("en").compare;

/** `compareNames` with runs of digits compared as numbers: `443` before `8080`. */
export const compareNumbered: (a: string, b: string) => number = new Intl.Collator("en", { numeric: true }).compare;

/** The stable permutation that sorts `keys` by `compare`, or null when they are already in order. */
export function sortOrder<T>(keys: readonly T[], compare: (a: T, b: T) => number): number[] | null {
  const order = keys.map((_, i) => i).sort((a, b) => compare(keys[a], keys[b]) || a - b);
  return order.every((v, i) => v === i) ? null : order;
}

/**
 * A fix that rewrites the entries of a block mapping or block sequence in `order` (indexes into
 * `collection.items`). Each entry moves with its own lines, the comment lines just above it, and
 * the comment lines indented deeper than it below it (commented-out keys, even after a blank line).
 * Blank lines between entries stay where they are, and so do the comments at the top of the file
 * above the first top-level key (the file's header). undefined when the move is not exact: flow
 * style, entries sharing lines, or an alias that would come before its anchor.
 */
export function reorderFix(model: ComposeModel, collection: YAMLMap | YAMLSeq, order: readonly number[], description: string): Fix | undefined {
  const items = collection.items as unknown[];
  if (collection.flow || items.length < 2 || order.length !== items.length) return undefined;
  const { index, text } = model;
  const spans = entrySpans(model, items);
  if (!spans) return undefined;
  // Blank lines between entries stay where they are; the comments after them move with the entry below.
  const chunkFirst = spans.map((s, i) => {
    if (i === 0) return s.first;
    let line = spans[i - 1].last + 1;
    while (line < s.first && index.line(line).trim() === "") line++;
    return line;
  });
  // The comment lines right above the first entry (none blank) describe it, as they do for the others;
  // at the top level they may be the file's header, which stays.
  if (collection !== model.doc.contents) {
    while (chunkFirst[0] > 1 && isComment(index.line(chunkFirst[0] - 1)) && indentOf(index.line(chunkFirst[0] - 1)) >= spans[0].indent) chunkFirst[0]--;
  }
  if (!aliasesStayAfterAnchors(model, chunkFirst, spans[spans.length - 1].last, order)) return undefined;

  const eol = eolOf(model);
  // A byte-order mark stays first in the file: the first line's entry moves without it.
  const lineStart = (line: number) => (line > index.lineCount ? text.length : line === 1 && text.startsWith("\uFEFF") ? 1 : index.starts[line - 1]);
  const withEol = (body: string) => (body.endsWith("\n") ? body : body + eol);
  const chunk = (i: number) => withEol(text.slice(lineStart(chunkFirst[i]), lineStart(spans[i].last + 1)));
  const gap = (i: number) => text.slice(lineStart(spans[i - 1].last + 1), lineStart(chunkFirst[i]));
  const spanStart = lineStart(chunkFirst[0]);
  const spanEnd = lineStart(spans[spans.length - 1].last + 1);
  let replacement = order.map((item, position) => (position === 0 ? "" : gap(position)) + chunk(item)).join("");
  if (!text.slice(spanStart, spanEnd).endsWith("\n")) replacement = replacement.slice(0, -eol.length);
  return { description, edits: [{ range: index.range(spanStart, spanEnd), text: replacement }] };
}

/** Every alias inside the moved lines still follows its anchor once the chunks are reordered. */
function aliasesStayAfterAnchors(model: ComposeModel, chunkFirst: number[], lastLine: number, order: readonly number[]): boolean {
  const rank = new Map(order.map((item, position) => [item, position]));
  const chunkOf = (offset: number): number | null => {
    const line = model.index.position(offset).line;
    if (line < chunkFirst[0] || line > lastLine) return null;
    let k = 0;
    while (k + 1 < chunkFirst.length && chunkFirst[k + 1] <= line) k++;
    return k;
  };
  const { anchors, aliases, duplicate } = anchorsOf(model);
  if (duplicate) return false;
  for (const alias of aliases) {
    const anchorAt = anchors.get(alias.name);
    if (anchorAt === undefined) continue;
    const a = chunkOf(anchorAt);
    const b = chunkOf(alias.offset);
    if (a === null || b === null || a === b) continue;
    if (rank.get(a)! > rank.get(b)!) return false;
  }
  return true;
}

interface AnchorIndex {
  anchors: Map<string, number>;
  aliases: { name: string; offset: number }[];
  /** An anchor name defined twice: which definition an alias means depends on the order. */
  duplicate: boolean;
}

const anchorCache = new WeakMap<ComposeModel, AnchorIndex>();

/** Every anchor definition and alias of the document with its offset, computed once per model. */
function anchorsOf(model: ComposeModel): AnchorIndex {
  const cached = anchorCache.get(model);
  if (cached) return cached;
  const index: AnchorIndex = { anchors: new Map(), aliases: [], duplicate: false };
  visit(model.doc, (_key, node) => {
    if (isAlias(node)) {
      if (node.range) index.aliases.push({ name: node.source, offset: node.range[0] });
    } else if ((isScalar(node) || isMap(node) || isSeq(node)) && (node as Node).anchor && (node as Node).range) {
      const name = (node as Node).anchor!;
      if (index.anchors.has(name)) index.duplicate = true;
      index.anchors.set(name, (node as Node).range![0]);
    }
  });
  anchorCache.set(model, index);
  return index;
}
