import { countArg, parseArgs, UsageError } from "../../bench/options.js";

describe("benchmark options", () => {
  it("warms up for ten passes in a full run and four passes' worth with --quick", () => {
    expect(parseArgs([])).toMatchObject({ quick: false, rounds: 7, warmup: 10, cold: 3, step: 1, peers: true, app: true, corpusPart: true });
    expect(parseArgs(["--quick"])).toMatchObject({ quick: true, rounds: 3, warmup: 4, cold: 1, step: 3 });
  });

  it("takes counts and switches as given", () => {
    expect(parseArgs(["--rounds", "5", "--warmup", "0", "--cold", "0", "--step", "2", "--corpus", "/c", "--no-peers", "--no-app", "--no-corpus"])).toEqual({
      quick: false, rounds: 5, warmup: 0, cold: 0, step: 2, corpus: "/c", peers: false, app: false, corpusPart: false,
    });
  });

  it.each([
    [["--rounds", "0"], "--rounds takes a whole number of at least 1, not \"0\""],
    [["--warmup", "ten"], "--warmup takes a whole number of at least 0, not \"ten\""],
    [["--step", "1.5"], "--step takes a whole number of at least 1, not \"1.5\""],
    [["--cold", "-1"], "--cold takes a whole number of at least 0, not \"-1\""],
  ])("refuses %j with a clear message", (argv, message) => {
    expect(() => parseArgs(argv as string[])).toThrow(UsageError);
    expect(() => parseArgs(argv as string[])).toThrow(message);
  });
});

describe("whole-number arguments of the bench tools", () => {
  it("takes the fallback when absent and the number when whole and in range", () => {
    expect(countArg("passes", undefined, 8, 1)).toBe(8);
    expect(countArg("passes", "12", 8, 1)).toBe(12);
  });

  it.each(["0", "", "2x", "1e3"])("refuses %j for a count of at least 1", (given) => {
    expect(() => countArg("passes", given, 8, 1)).toThrow(`passes takes a whole number of at least 1, not "${given}"`);
  });
});
