import type { Finding } from "../../engine/index.js";
import type { Comparison } from "../../formatters/markdown.js";
import { alikeKey as key } from "../../formatters/markdown/compare.js";
import { placeInHunks, type HunkSpan } from "./diff-lines.js";
import { lineSpanOf } from "./lines.js";

/**
 * Of findings alike but for their line (same file, rule, message and service: one statement
 * written twice), which one a comparison calls new is a matter of order: fingerprints number such
 * statements top to bottom, so a copy added above an old one takes the old one's fingerprint, and
 * the old line, outside the diff, is called new. Here such a pair is swapped when only the one
 * called unchanged lies in the diff, so the review comments on the line the PR added. How many
 * findings are new, unchanged and fixed stays as it was.
 */
export function preferDiffLines(comparison: Comparison, hunks: ReadonlyMap<string, readonly HunkSpan[]>): Comparison {
  const inDiff = (f: Finding) => {
    const span = lineSpanOf(f);
    return span !== null && placeInHunks(hunks.get(f.file) ?? [], span.first, span.last) !== null;
  };
  const outside = comparison.added.filter((f) => f.range && !inDiff(f));
  if (!outside.length) return comparison;
  const wanted = new Set(outside.map((f) => key(f)));
  const inside = new Map<string, Finding[]>();
  for (const f of comparison.unchanged) {
    if (!wanted.has(key(f)) || !inDiff(f)) continue;
    const list = inside.get(key(f));
    if (list) list.push(f);
    else inside.set(key(f), [f]);
  }
  const swap = new Map<Finding, Finding>();
  for (const f of outside) {
    const other = inside.get(key(f))?.shift();
    if (!other) continue;
    swap.set(f, other);
    swap.set(other, f);
  }
  if (!swap.size) return comparison;
  return { ...comparison, added: comparison.added.map((f) => swap.get(f) ?? f), unchanged: comparison.unchanged.map((f) => swap.get(f) ?? f) };
}
