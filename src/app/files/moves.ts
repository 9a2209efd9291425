import type { Classifier } from "../../engine/classify.js";
import type { ChangedFile } from "./types.js";

/**
 * Base path → head path for Docker files the PR moves: GitHub's renames, plus a removed and an
 * added file of the same kind and name when exactly one pair shares the longest path suffix
 * (GitHub reports a move with heavy edits as a removal and an addition).
 */
export function detectMoves(changed: readonly ChangedFile[], classify: Classifier): Map<string, string> {
  const moves = new Map<string, string>();
  for (const f of changed) if (f.status === "renamed" && f.previous_filename && classify(f.filename)) moves.set(f.previous_filename, f.filename);
  const removed = changed.filter((f) => f.status === "removed" && classify(f.filename));
  const added = changed.filter((f) => f.status === "added" && classify(f.filename));
  const taken = new Set<string>();
  for (const a of added) {
    const candidates = removed
      .filter((r) => !taken.has(r.filename) && basename(r.filename) === basename(a.filename) && classify(r.filename) === classify(a.filename))
      .map((r) => ({ path: r.filename, score: commonSuffix(r.filename, a.filename) }))
      .sort((x, y) => y.score - x.score);
    if (!candidates.length || (candidates[1] && candidates[1].score === candidates[0].score)) continue;
    const rivals = added.filter((o) => o !== a && basename(o.filename) === basename(a.filename) && commonSuffix(candidates[0].path, o.filename) >= candidates[0].score);
    if (rivals.length) continue;
    moves.set(candidates[0].path, a.filename);
    taken.add(candidates[0].path);
  }
  return moves;
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf("/") + 1);
}

/** How many trailing path segments two paths share. */
function commonSuffix(a: string, b: string): number {
  const x = a.split("/").reverse();
  const y = b.split("/").reverse();
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}
