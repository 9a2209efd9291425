import { audit, defineComposeRule, defineDockerfileRule } from "../../src/engine/index.js";

// A rule that computes a range past the end of a line or the file (or backwards) would make GitHub
// reject the whole batch of annotations. The engine clamps every range into the file.
const reportAt = (range: { start: { line: number; column: number }; end: { line: number; column: number } }) =>
  defineDockerfileRule({
    meta: { id: "test-range", code: "T1", category: "reliability", severity: "warning", description: "", aliases: [], messages: { m: "m" } },
    check: ({ report }) => report({ messageId: "m", range }),
  });

const rangeOf = (rule: ReturnType<typeof reportAt>, content: string) => audit([{ path: "Dockerfile", content }], [rule]).findings[0].range;

describe("finding ranges", () => {
  it("are kept as reported when valid", () => {
    const range = { start: { line: 1, column: 1 }, end: { line: 2, column: 4 } };
    expect(rangeOf(reportAt(range), "FROM x\nRUN y\n")).toEqual(range);
  });

  it.each([
    ["a column past the line end", { start: { line: 1, column: 3 }, end: { line: 1, column: 99 } }, { start: { line: 1, column: 3 }, end: { line: 1, column: 7 } }],
    ["a line past the file end", { start: { line: 9, column: 1 }, end: { line: 12, column: 5 } }, { start: { line: 3, column: 1 }, end: { line: 3, column: 1 } }],
    ["line zero and negative columns", { start: { line: 0, column: -4 }, end: { line: 1, column: 0 } }, { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }],
    ["an end before the start", { start: { line: 2, column: 3 }, end: { line: 1, column: 2 } }, { start: { line: 2, column: 3 }, end: { line: 2, column: 3 } }],
    ["a column after the carriage return of a CRLF line", { start: { line: 1, column: 1 }, end: { line: 1, column: 8 } }, { start: { line: 1, column: 1 }, end: { line: 1, column: 7 } }],
  ])("are clamped into the file: %s", (_name, range, expected) => {
    expect(rangeOf(reportAt(range), "FROM x\r\nRUN y\r\n")).toEqual(expected);
  });

  it("are clamped in fix edits too (an edit past the end of the file ends at its end)", () => {
    const rule = defineDockerfileRule({
      meta: { id: "test-fix", code: "T4", category: "reliability", severity: "warning", description: "", aliases: [], messages: { m: "m" }, fixable: true },
      check: ({ report }) =>
        report({ messageId: "m", range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } }, fix: { description: "d", edits: [{ range: { start: { line: 2, column: 1 }, end: { line: 3, column: 1 } }, text: "" }] } }),
    });
    expect(audit([{ path: "Dockerfile", content: "FROM x \\\n  " }], [rule]).findings[0].fix?.edits[0].range).toEqual({ start: { line: 2, column: 1 }, end: { line: 2, column: 3 } });
  });

  it("are clamped for Compose rules too", () => {
    const rule = defineComposeRule({
      meta: { id: "test-range-c", code: "T2", category: "reliability", severity: "warning", description: "", aliases: [], messages: { m: "m" } },
      check: ({ report }) => report({ messageId: "m", range: { start: { line: 2, column: 3 }, end: { line: 50, column: 1 } } }),
    });
    expect(audit([{ path: "compose.yaml", content: "services:\n  a: {}\n" }], [rule]).findings[0].range).toEqual({ start: { line: 2, column: 3 }, end: { line: 3, column: 1 } });
  });
});
