import { fmt, median, round, summarize, table } from "../../bench/stats.js";

describe("median", () => {
  it("takes the middle value of an odd-length list, whatever its order", () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it("averages the two middle values of an even-length list", () => {
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });

  it("is NaN for an empty list", () => {
    expect(median([])).toBeNaN();
  });

  it("sorts numerically, not as strings", () => {
    expect(median([100, 9, 20])).toBe(20);
  });

  it("leaves its input unsorted", () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});

describe("summarize", () => {
  it("gives median, min, max and count", () => {
    expect(summarize([12.3, 13, 11.9])).toEqual({ median: 12.3, min: 11.9, max: 13, n: 3 });
  });
});

describe("fmt", () => {
  it("shows one value alone", () => {
    expect(fmt(summarize([12.34]))).toBe("12.3");
  });

  it("shows the median alone when min and max are equal", () => {
    expect(fmt({ median: 5, min: 5, max: 5, n: 3 })).toBe("5.00");
  });

  it("shows the median and the range", () => {
    expect(fmt(summarize([12.3, 11.9, 13.0]))).toBe("12.3 (11.9–13.0)");
  });

  it("chooses digits by the median's magnitude: >= 100 none, >= 10 one, else two", () => {
    expect(fmt(summarize([100.4]))).toBe("100");
    expect(fmt(summarize([99.96]))).toBe("100.0");
    expect(fmt(summarize([10]))).toBe("10.0");
    expect(fmt(summarize([9.999]))).toBe("10.00");
    expect(fmt(summarize([1.5, 150]))).toBe("75.8 (1.5–150.0)");
  });

  it("uses the digits it is given", () => {
    expect(fmt(summarize([1.23456, 2]), 3)).toBe("1.617 (1.235–2.000)");
  });

  it("shows a dash for null, undefined, an empty summary and a NaN median", () => {
    expect(fmt(null)).toBe("–");
    expect(fmt(undefined)).toBe("–");
    expect(fmt(summarize([]))).toBe("–");
    expect(fmt({ median: NaN, min: 1, max: 2, n: 2 })).toBe("–");
  });
});

describe("round", () => {
  it("rounds to two digits by default", () => {
    expect(round(1.23456)).toBe(1.23);
    expect(round(1.235001)).toBe(1.24);
  });

  it("rounds to the digits it is given", () => {
    expect(round(12.3456, 1)).toBe(12.3);
    expect(round(12.3456, 0)).toBe(12);
  });

  it("is null for null, undefined, NaN and infinities", () => {
    expect(round(null)).toBeNull();
    expect(round(undefined)).toBeNull();
    expect(round(NaN)).toBeNull();
    expect(round(Infinity)).toBeNull();
    expect(round(-Infinity)).toBeNull();
  });

  it("keeps zero as zero, not null", () => {
    expect(round(0)).toBe(0);
  });
});

describe("table", () => {
  it("writes a markdown table whose first column is left-aligned and the others right-aligned", () => {
    expect(
      table(
        ["measure", "files/s", "ratio"],
        [
          ["engine", "12.3 (11.9–13.0)", 1.2],
          ["floor", 10, "1"],
        ],
      ),
    ).toBe(["| measure | files/s | ratio |", "| --- | ---: | ---: |", "| engine | 12.3 (11.9–13.0) | 1.2 |", "| floor | 10 | 1 |"].join("\n"));
  });

  it("has only the header and separator when there are no rows", () => {
    expect(table(["a"], [])).toBe("| a |\n| --- |");
  });
});
