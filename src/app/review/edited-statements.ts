import type { Finding } from "../../engine/index.js";
import type { Comparison } from "../../formatters/markdown.js";
import { alikeKey as key } from "../../formatters/markdown/compare.js";
import type { HunkSpan } from "./diff-lines.js";
import { lineSpanOf } from "./lines.js";

/**
 * A finding on a statement the PR edited is not new when the base had the same finding (same rule,
 * message and service) on the lines that hunk replaced. Adding `wget` to `RUN apt-get install -y
 * curl` changes the statement, and so its findings' fingerprints, but its missing
 * `--no-install-recommends` was there before: called new, it gated the merge on a problem the PR
 * did not bring. Only findings of the same hunk pair up, so fixing a problem in one place and
 * writing it anew in another still counts one fixed and one new. Paired findings leave `added` and
 * `fixed` for `unchanged`.
 */
export function matchEditedStatements(comparison: Comparison, hunks: ReadonlyMap<string, readonly HunkSpan[]>, moves: ReadonlyMap<string, string>): Comparison {
  if (!comparison.added.length || !comparison.fixed.length) return comparison;
  const removed = new Map<string, Finding[]>();
  for (const f of comparison.fixed) {
    if (!f.range) continue;
    const k = key(f, moves.get(f.file) ?? f.file);
    const list = removed.get(k);
    if (list) list.push(f);
    else removed.set(k, [f]);
  }
  const paired = new Set<Finding>();
  for (const f of comparison.added) {
    const span = lineSpanOf(f);
    const candidates = span && removed.get(key(f));
    if (!span || !candidates?.length) continue;
    const hunk = (hunks.get(f.file) ?? []).find((h) => h.start <= span.last && span.first <= h.end);
    if (!hunk?.base) continue;
    const { start, end } = hunk.base;
    const at = candidates.findIndex((b) => {
      const was = lineSpanOf(b)!;
      return start <= was.last && was.first <= end;
    });
    if (at < 0) continue;
    paired.add(f).add(candidates[at]);
    candidates.splice(at, 1);
  }
  if (!paired.size) return comparison;
  return {
    added: comparison.added.filter((f) => !paired.has(f)),
    fixed: comparison.fixed.filter((f) => !paired.has(f)),
    unchanged: [...comparison.unchanged, ...comparison.added.filter((f) => paired.has(f))],
  };
}
