import { applyFixes, type Finding } from "../../src/engine/index.js";

const finding = (edits: { line: number; column: number; endColumn?: number; text: string }[]): Finding =>
  ({
    ruleId: "r", code: "DF000", messageId: "m", severity: "info", category: "efficiency", file: "f", range: null, message: "", fingerprint: "", docsUrl: "",
    fix: { description: "d", edits: edits.map((e) => ({ range: { start: { line: e.line, column: e.column }, end: { line: e.line, column: e.endColumn ?? e.column } }, text: e.text })) },
  }) as Finding;

describe("applyFixes", () => {
  it("applies non-overlapping edits from the end so earlier positions stay valid", () => {
    const text = "RUN apt-get install -y a\nRUN apk add b # keep\n";
    const { output, applied } = applyFixes(text, [finding([{ line: 2, column: 12, text: " --no-cache" }]), finding([{ line: 1, column: 20, text: " --no-install-recommends" }])]);
    expect(output).toBe("RUN apt-get install --no-install-recommends -y a\nRUN apk add --no-cache b # keep\n");
    expect(applied).toHaveLength(2);
  });

  it("skips a whole fix when any of its edits overlaps one already taken", () => {
    const text = "version: '3'\nservices: {}\n";
    const first = finding([{ line: 1, column: 1, endColumn: 13, text: "" }]);
    const overlapping = finding([{ line: 1, column: 5, endColumn: 8, text: "x" }, { line: 2, column: 1, text: "y" }]);
    const { output, skipped } = applyFixes(text, [first, overlapping]);
    expect(output).toBe("\nservices: {}\n");
    expect(skipped).toEqual([overlapping]);
  });

  it.each([
    ["the insertion first", true],
    ["the replacement first", false],
  ])("takes one of an insertion and a replacement that start at the same place, %s", (_, insertionFirst) => {
    const text = "    ports:\n      - 5432:5432\n";
    const insert = finding([{ line: 2, column: 9, text: "127.0.0.1:" }]);
    const quote = finding([{ line: 2, column: 9, endColumn: 18, text: '"5432:5432"' }]);
    const { output, applied, skipped } = applyFixes(text, insertionFirst ? [insert, quote] : [quote, insert]);
    expect(applied).toHaveLength(1);
    expect(skipped).toHaveLength(1);
    expect(["    ports:\n      - 127.0.0.1:5432:5432\n", '    ports:\n      - "5432:5432"\n']).toContain(output);
  });

  it("applies an insertion where another edit ends", () => {
    const text = "FROM a\n";
    const { output, applied } = applyFixes(text, [finding([{ line: 1, column: 6, endColumn: 7, text: "b" }]), finding([{ line: 1, column: 7, text: ":1" }])]);
    expect(output).toBe("FROM b:1\n");
    expect(applied).toHaveLength(2);
  });

  it("leaves the text alone when nothing is fixable", () => {
    expect(applyFixes("FROM a\n", []).output).toBe("FROM a\n");
  });
});
