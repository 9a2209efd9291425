import { DEFAULT_LIMITS } from "../../src/engine/config.js";
import { LINE_LIMITS } from "../../src/engine/run.js";
import { GROWTH_CASES, measureGrowth, SUPERLINEAR, type GrowthCase } from "../../bench/growth.js";

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

  it("times n and 4n by the mean of the rounds after one untimed audit of each, and calls a ratio past SUPERLINEAR superlinear", () => {
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
    const c: GrowthCase = { name: "words", path: "Dockerfile", n: 100, build: (n) => "a ".repeat(n) };
    const linear = fake((size) => size / 10);
    expect(linear.growth(c)).toEqual({ name: "words", n: 100, smallMs: 20, largeMs: 80, ratio: 4, superlinear: false });
    expect(linear.calls).toEqual([200, 200, 200, 800, 800, 800]);
    const square = fake((size) => (size * size) / 1000).growth(c);
    expect(square.ratio).toBe(16);
    expect(square.superlinear).toBe(true);
    expect(SUPERLINEAR).toBeGreaterThan(4);
    expect(SUPERLINEAR).toBeLessThan(16);
  });
});
