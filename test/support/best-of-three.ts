import { performance } from "node:perf_hooks";

/**
 * The best time of up to three runs of `f`, stopping at the first one within `budgetMs`. Linearity
 * guards compare it with a budget far above a linear run and far below a quadratic one, so that one
 * run slowed by a busy machine does not fail them.
 */
export function bestOfThree(f: () => unknown, budgetMs: number): number {
  let best = Infinity;
  for (let i = 0; i < 3 && best > budgetMs; i++) {
    const start = performance.now();
    f();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}
