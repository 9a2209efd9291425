import { performance } from "node:perf_hooks";
import { bestOfThree } from "./best-of-three.js";

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe("bestOfThree", () => {
  it("stops at the first run within the budget", () => {
    let calls = 0;
    expect(bestOfThree(() => calls++, 1_000)).toBeLessThan(1_000);
    expect(calls).toBe(1);
  });

  it("runs three times at most and returns the best of the runs over budget", () => {
    const costs = [30, 10, 20, 5];
    let calls = 0;
    const best = bestOfThree(() => busy(costs[calls++]), 1);
    expect(calls).toBe(3);
    expect(best).toBeGreaterThanOrEqual(10);
    expect(best).toBeLessThan(20);
  });
});
