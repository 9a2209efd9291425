import { applyFixes, fixUntilSettled, MAX_FIX_PASSES, type Finding, type SourceFile } from "../../src/engine/index.js";

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

/**
 * A stand-in audit for fixUntilSettled: every `ab` is a finding whose fix rewrites it to `c`, and
 * every `cc` one whose fix rewrites it to `d`; two `ab` next to each other overlap (`abab` shares
 * no text, so the fake makes each fix also touch the character after it).
 */
function fakeAudit(files: readonly SourceFile[]): { findings: Finding[] } {
  const findings: Finding[] = [];
  for (const file of files) {
    const lines = file.content.split("\n");
    lines.forEach((line, i) => {
      for (const [from, to] of [["ab", "c"], ["cc", "d"]] as const) {
        for (let at = line.indexOf(from); at >= 0; at = line.indexOf(from, at + 1)) {
          const f = finding([{ line: i + 1, column: at + 1, endColumn: at + from.length + 1, text: to }]);
          findings.push({ ...f, file: file.path });
        }
      }
    });
  }
  return { findings };
}

describe("fixUntilSettled", () => {
  it("re-audits after each pass and takes the fixes that waited or appeared, leaving its inputs alone", () => {
    const input = [{ path: "f", content: "abab x\n" }, { path: "g", content: "plain\n" }];
    let audits = 0;
    const result = fixUntilSettled(input, fakeAudit(input), (files) => (audits++, fakeAudit(files)));
    // Pass 1: both ab -> c ("cc x"); pass 2: the new cc -> d.
    expect(result.files).toEqual([{ path: "f", content: "d x\n" }, { path: "g", content: "plain\n" }]);
    expect(result.changed).toEqual(["f"]);
    expect(result.applied.map((f) => f.fix!.edits[0].text)).toEqual(["c", "c", "d"]);
    expect(result.report.findings).toEqual([]);
    expect(result.settled).toBe(true);
    expect(audits).toBe(result.passes);
    expect(input[0].content).toBe("abab x\n");
  });

  it("takes an overlapping fix in the next pass", () => {
    const input = [{ path: "f", content: "abb\n" }];
    const overlapping = (files: readonly SourceFile[]) => {
      const { findings } = fakeAudit(files);
      const text = files[0].content;
      // A second fix over the same `ab` that waits, then finds nothing left to do.
      if (text.startsWith("ab")) findings.push({ ...finding([{ line: 1, column: 2, endColumn: 4, text: "B" }]), file: "f" });
      return { findings };
    };
    const result = fixUntilSettled(input, overlapping(input), overlapping);
    expect(result.files[0].content).toBe("cb\n");
    expect(result.passes).toBe(1);
    expect(result.settled).toBe(true);
  });

  it("stops after the pass bound when two fixes undo each other", () => {
    const flip = (files: readonly SourceFile[]) => ({
      findings: [
        { ...finding([{ line: 1, column: 1, endColumn: 2, text: files[0].content[0] === "x" ? "y" : "x" }]), file: "f" },
        { ...finding([{ line: 1, column: 1, endColumn: 3, text: "zz" }]), file: "f" },
      ],
    });
    const input = [{ path: "f", content: "x1\n" }];
    const result = fixUntilSettled(input, flip(input), flip);
    expect(result.passes).toBe(MAX_FIX_PASSES);
    expect(result.settled).toBe(false);
  });

  it("returns the input report when nothing is fixable", () => {
    const input = [{ path: "f", content: "x\n" }];
    const report = fakeAudit(input);
    const result = fixUntilSettled(input, report, () => { throw new Error("no re-audit expected"); });
    expect(result).toMatchObject({ report, applied: [], passes: 0, changed: [], settled: true });
  });
});
