import type { Finding } from "../../engine/index.js";

export interface Comparison {
  /** In head, not in base: what the change introduces. */
  added: Finding[];
  /** In base, not in head: what the change removes. */
  fixed: Finding[];
  /** In both (the head's copy). */
  unchanged: Finding[];
}

/**
 * Compares two audits by fingerprint, as multisets. `moves` maps a base path to the head path a
 * file moved to: fingerprints include the path, so a finding left unmatched in a moved file is
 * matched a second time by rule, message and service within the file's new path.
 */
export function compareFindings(base: readonly Finding[], head: readonly Finding[], moves: ReadonlyMap<string, string> = new Map()): Comparison {
  const pool = new Map<string, Finding[]>();
  for (const f of base) push(pool, f.fingerprint, f);
  const unchanged: Finding[] = [];
  let unmatched: Finding[] = [];
  for (const f of head) {
    const same = pool.get(f.fingerprint);
    if (same?.length) {
      same.shift();
      unchanged.push(f);
    } else unmatched.push(f);
  }
  let fixed = [...pool.values()].flat();
  if (moves.size) {
    const moved = new Map<string, Finding[]>();
    for (const f of fixed) {
      const to = moves.get(f.file);
      if (to) push(moved, alikeKey(f, to), f);
    }
    const matchedBase = new Set<Finding>();
    const stillUnmatched: Finding[] = [];
    for (const f of unmatched) {
      const candidate = moved.get(alikeKey(f))?.shift();
      if (candidate) {
        matchedBase.add(candidate);
        unchanged.push(f);
      } else stillUnmatched.push(f);
    }
    unmatched = stillUnmatched;
    fixed = fixed.filter((f) => !matchedBase.has(f));
  }
  const order = new Map(head.map((f, i) => [f, i]));
  unchanged.sort((a, b) => order.get(a)! - order.get(b)!);
  return { added: unmatched, fixed, unchanged };
}

/** Findings alike but for their line: same file (or `path`, where the file moved to), rule, message and service. */
export function alikeKey(f: Finding, path = f.file): string {
  return [path, f.ruleId, f.messageId, f.message, f.service ?? ""].join("\u0000");
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
