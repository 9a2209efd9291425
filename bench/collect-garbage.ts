/**
 * Empties the young generation before a pass, so that the short-lived garbage of one pass is not
 * collected on the next one's time. Only the young generation: in V8 11 (Node 20) a forced full
 * collection, `gc()`, also throws away optimized code, so the pass after it runs partly
 * unoptimized (with --trace-opt, about 50 of yaml's functions are recompiled in the pass that
 * follows, against none after the full collections V8 makes by itself). That made every "warm"
 * pass partly cold, and hit the cheaper contender hardest. Needs --expose-gc; a no-op without it.
 */
export function collectYoungGarbage(): void {
  (globalThis as { gc?: (options?: { type: "minor" | "major" }) => void }).gc?.({ type: "minor" });
}
