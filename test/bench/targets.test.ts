import { checkTarget } from "../../bench/targets.js";

describe("checkTarget", () => {
  it("passes an upper limit when the value is below it", () => {
    expect(checkTarget("ratio", 1.2, "<=", 1.5, "x")).toEqual({ name: "ratio", measured: "1.20 x", result: "pass" });
  });

  it("fails an upper limit when the value is above it", () => {
    expect(checkTarget("ratio", 1.51, "<=", 1.5, "x")).toEqual({ name: "ratio", measured: "1.51 x", result: "FAIL" });
  });

  it("passes a lower limit when the value is above it", () => {
    expect(checkTarget("speed", 25, ">=", 20, "x").result).toBe("pass");
  });

  it("fails a lower limit when the value is below it", () => {
    expect(checkTarget("speed", 19.9, ">=", 20, "x").result).toBe("FAIL");
  });

  it("passes a value exactly at the limit, either way", () => {
    expect(checkTarget("rss", 150, "<=", 150, "MiB").result).toBe("pass");
    expect(checkTarget("speed", 20, ">=", 20, "x").result).toBe("pass");
  });

  it("is not measured for null, undefined and NaN, with the reason given or a dash", () => {
    expect(checkTarget("a", null, "<=", 1, "x", "no corpus")).toEqual({ name: "a", measured: "no corpus", result: "not measured" });
    expect(checkTarget("b", undefined, ">=", 1, "x")).toEqual({ name: "b", measured: "–", result: "not measured" });
    expect(checkTarget("c", NaN, "<=", 1, "x")).toEqual({ name: "c", measured: "–", result: "not measured" });
  });

  it("writes the measured value with digits by magnitude: >= 100 none, >= 10 one, else two", () => {
    expect(checkTarget("t", 123.4, "<=", 150, "MiB").measured).toBe("123 MiB");
    expect(checkTarget("t", 12.34, "<=", 150, "MiB").measured).toBe("12.3 MiB");
    expect(checkTarget("t", 1.234, "<=", 150, "MiB").measured).toBe("1.23 MiB");
  });

  it("chooses the digits of a negative value by its size", () => {
    expect(checkTarget("t", -123.4, "<=", 0, "ms").measured).toBe("-123 ms");
  });
});
