import { performance } from "node:perf_hooks";
import { gcMsWithin, watchCollections } from "../../bench/gc-time.js";

describe("gcMsWithin", () => {
  it("sums the collections that started inside the window, and only those", () => {
    const collections = [
      { startTime: 5, duration: 100 },
      { startTime: 10, duration: 2 },
      { startTime: 15.5, duration: 3.5 },
      { startTime: 20, duration: 50 },
    ];
    expect(gcMsWithin(collections, 10, 20)).toBe(5.5);
    expect(gcMsWithin(collections, 0, 100)).toBe(155.5);
    expect(gcMsWithin(collections, 21, 30)).toBe(0);
    expect(gcMsWithin([], 0, 1)).toBe(0);
  });
});

describe("watchCollections", () => {
  it("reports the collections a window of heavy allocation caused, once, and none for a quiet window", async () => {
    const watch = watchCollections();
    try {
      const start = performance.now();
      let kept = 0;
      // About 200 MB of short-lived arrays: far past any young generation, so V8 must collect.
      for (let i = 0; i < 20_000; i++) kept += new Array(1_000).fill(i).length;
      const end = performance.now();
      expect(kept).toBe(20_000_000);
      const ms = await watch.msBetween(start, end);
      expect(ms).toBeGreaterThan(0);
      expect(ms).toBeLessThanOrEqual(end - start);
      // Asked again, the same window has nothing left: entries are dropped once counted.
      await expect(watch.msBetween(start, end)).resolves.toBe(0);
      const quiet = performance.now();
      await expect(watch.msBetween(quiet, quiet)).resolves.toBe(0);
    } finally {
      watch.stop();
    }
  });
});
