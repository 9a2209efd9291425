import { sample, warmupPasses } from "../../bench/corpus.js";

describe("corpus samples", () => {
  it("take every n-th item from the first", () => {
    expect(sample([0, 1, 2, 3, 4, 5, 6], 3)).toEqual([0, 3, 6]);
    expect(sample([0, 1, 2], 1)).toEqual([0, 1, 2]);
  });

  it("get enough warm-up passes to show the JIT as many files as the whole corpus's warm-up", () => {
    expect(warmupPasses(531, 531, 2)).toBe(2);
    expect(warmupPasses(177, 531, 2)).toBe(6);
    expect(warmupPasses(100, 531, 2)).toBe(11);
  });

  it("never get fewer warm-up passes than the whole corpus, nor divide by an empty sample", () => {
    expect(warmupPasses(600, 531, 2)).toBe(2);
    expect(warmupPasses(0, 531, 2)).toBe(2);
  });
});
