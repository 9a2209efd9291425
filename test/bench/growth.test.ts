import { DEFAULT_LIMITS } from "../../src/engine/config.js";
import { LINE_LIMITS } from "../../src/engine/run.js";
import { GROWTH_CASES, MAX_ROUNDS, measureGrowth, MIN_TIMED_MS, SUPERLINEAR, type GrowthCase } from "../../bench/growth.js";

const lineCount = (text: string) => text.split("\n").length - 1;

describe("the growth check of bench:hostile", () => {
  it("builds each case at 4n inside the default limits, so the large run is audited, not skipped", () => {
    expect(GROWTH_CASES.length).toBeGreaterThan(10);
    for (const c of GROWTH_CASES) {
      const large = c.build(4 * c.n);
      const kind = c.path === "Dockerfile" ? "dockerfile" : "compose";
      expect([c.name, Buffer.byteLength(large) <= DEFAULT_LIMITS.maxFileBytes, lineCount(large) <= LINE_LIMITS[kind]]).toEqual([c.name, true, true]);
      expect(large.length).toBeGreaterThan(3 * c.build(c.n).length);
    }
  });

  it("times n and 4n by their mean after one untimed audit each, and calls a ratio past SUPERLINEAR superlinear", () => {
    const fake = (cost: (size: number) => number): { growth: (c: GrowthCase) => ReturnType<typeof measureGrowth>; calls: number[] } => {
      let now = 0;
      const calls: number[] = [];
      const audit = (_path: string, content: string) => {
        // The first audit of each size is slow, as a cold one is.
        now += cost(content.length) * (calls.includes(content.length) ? 1 : 10);
        calls.push(content.length);
      };
      return { growth: (c) => measureGrowth(c, 2, audit, () => now), calls };
    };
    const count = (calls: number[], size: number) => calls.filter((s) => s === size).length;
    const c: GrowthCase = { name: "words", path: "Dockerfile", n: 100, build: (n) => "a ".repeat(n) };
    const linear = fake((size) => size / 10);
    expect(linear.growth(c)).toEqual({ name: "words", n: 100, smallMs: 20, largeMs: 80, ratio: 4, superlinear: false });
    // 20 ms runs repeated until MIN_TIMED_MS (10 of them), 80 ms runs until both it and the 2 rounds are reached.
    expect([count(linear.calls, 200), count(linear.calls, 800)]).toEqual([1 + MIN_TIMED_MS / 20, 1 + Math.ceil(MIN_TIMED_MS / 80)]);
    const square = fake((size) => (size * size) / 1000).growth(c);
    expect(square.ratio).toBe(16);
    expect(square.superlinear).toBe(true);
    expect(SUPERLINEAR).toBeGreaterThan(4);
    expect(SUPERLINEAR).toBeLessThan(16);
    // A size that takes no measurable time stops at MAX_ROUNDS.
    const free = fake(() => 0);
    free.growth(c);
    expect(count(free.calls, 200)).toBe(1 + MAX_ROUNDS);
  });
});
