import type { Finding } from "../../../src/engine/index.js";
import { batches, MAX_ANNOTATIONS, toAnnotate, toAnnotation } from "../../../src/app/check/annotations.js";
import { configErrorOutput, fileChangeNotes, headConfigProblems, noDockerOutput, supersededOutput, failedOutput } from "../../../src/app/check/check-output.js";
import { decideConclusion, gatingFindings, gradeBelow } from "../../../src/app/check/conclusion.js";

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: "r", code: "DF1", messageId: "m", severity: "warning", category: "security", file: "Dockerfile",
  range: { start: { line: 2, column: 3 }, end: { line: 2, column: 9 } }, message: "msg", fingerprint: "fp", docsUrl: "https://docs/r", ...over,
});

describe("annotations", () => {
  it("maps severity to level, columns only on one line (inclusive end), file-level on line 1", () => {
    expect(toAnnotation(finding(), [])).toMatchObject({ path: "Dockerfile", start_line: 2, end_line: 2, start_column: 3, end_column: 8, annotation_level: "warning", title: "r (DF1)" });
    const multi = toAnnotation(finding({ severity: "error", range: { start: { line: 2, column: 1 }, end: { line: 5, column: 1 } } }), []);
    expect(multi).toMatchObject({ start_line: 2, end_line: 4, annotation_level: "failure" });
    expect(multi.start_column).toBeUndefined();
    expect(toAnnotation(finding({ severity: "info", range: null }), [])).toMatchObject({ start_line: 1, end_line: 1, annotation_level: "notice", title: "r (DF1) · whole file" });
  });

  it("masks secrets and links the doc", () => {
    const a = toAnnotation(finding({ message: "password hunter22 here" }), ["hunter22"]);
    expect(a.message).not.toContain("hunter22");
    expect(a.message).toContain("https://docs/r");
  });

  it("keeps message and details under GitHub's 64 KB, counted in bytes, for a message quoting a long non-ASCII line", () => {
    const long = "сервис".repeat(8_000);
    const a = toAnnotation(finding({ message: `\`${long}\` is wrong`, fix: { description: `Rename \`${long}\``, edits: [] } }), []);
    expect(Buffer.byteLength(a.message)).toBeLessThanOrEqual(64 * 1024);
    expect(Buffer.byteLength(a.raw_details!)).toBeLessThanOrEqual(64 * 1024);
    expect(a.message).not.toContain("\uFFFD");
  });

  it("annotates at most 500 findings a run, the most severe first, each kept in report order", () => {
    expect(MAX_ANNOTATIONS).toBe(500);
    const few = [finding({ fingerprint: "a" }), finding({ fingerprint: "b" })];
    expect(toAnnotate(few)).toEqual({ annotated: few, left: 0 });
    const mixed = [
      finding({ fingerprint: "i1", severity: "info" }),
      finding({ fingerprint: "w1" }),
      finding({ fingerprint: "e1", severity: "error" }),
      finding({ fingerprint: "i2", severity: "info" }),
      finding({ fingerprint: "w2" }),
    ];
    expect(toAnnotate(mixed, 3)).toEqual({ annotated: [mixed[1], mixed[2], mixed[4]], left: 2 });
    expect(toAnnotate(mixed, 4).annotated.map((f) => f.fingerprint)).toEqual(["i1", "w1", "e1", "w2"]);
    const many = Array.from({ length: 620 }, (_, i) => finding({ fingerprint: String(i), severity: i % 2 ? "info" : "warning" }));
    const { annotated, left } = toAnnotate(many);
    expect([annotated.length, left]).toEqual([500, 120]);
    expect(annotated.filter((f) => f.severity === "warning")).toHaveLength(310);
  });

  it("batches 50 at a time", () => {
    expect(batches(Array(120).fill(0)).map((b) => b.length)).toEqual([50, 50, 20]);
    expect(batches([])).toEqual([]);
  });
});

describe("conclusion", () => {
  const errors = [finding({ severity: "error" })];
  it("gates at or above fail_on", () => {
    expect(gatingFindings([finding()], "error")).toEqual([]);
    expect(gatingFindings([finding()], "warning")).toHaveLength(1);
    expect(gatingFindings([finding({ severity: "info" })], "info")).toHaveLength(1);
    expect(gatingFindings(errors, "none")).toEqual([]);
  });

  it("compares grades", () => {
    expect(gradeBelow("C", "B")).toBe(true);
    expect(gradeBelow("A+", "A")).toBe(false);
    expect(gradeBelow("F", null)).toBe(false);
  });

  it("fails on a gating finding or a low grade, passes otherwise, is neutral without Docker changes", () => {
    expect(decideConclusion({ dockerChanged: true, gating: errors, grade: "A", minGrade: null }).conclusion).toBe("failure");
    expect(decideConclusion({ dockerChanged: true, gating: [], grade: "D", minGrade: "C" })).toMatchObject({ conclusion: "failure", reason: expect.stringContaining("below `min_grade` C") });
    expect(decideConclusion({ dockerChanged: true, gating: [], grade: "B", minGrade: "C" }).conclusion).toBe("success");
    expect(decideConclusion({ dockerChanged: false, gating: errors, grade: "F", minGrade: "A" }).conclusion).toBe("neutral");
  });
});

describe("check outputs", () => {
  it("names every bad config key", () => {
    const many = configErrorOutput(Array.from({ length: 3000 }, (_, i) => ({ key: `rules.${"x".repeat(100)}${i}`, message: "no rule has this id" })));
    expect(Buffer.byteLength(many.summary)).toBeLessThan(65_535);
    expect(many.summary).toContain("and 2950 more");
    const huge = configErrorOutput([{ key: `limits.${"k".repeat(70_000)}`, message: "unknown limit" }]);
    expect(Buffer.byteLength(huge.summary)).toBeLessThan(65_535);
    const out = configErrorOutput([{ key: "fail_on", message: "must be one of error, warning, info, none" }, { key: "rules.nope", message: "no rule has this id" }]);
    expect(out.title).toBe("Invalid .github/dockaudit.yml: fail_on, rules.nope");
    expect(out.summary).toContain("- `fail_on`: must be one of error, warning, info, none");
    expect(configErrorOutput([{ key: "fail_on", message: "must be one of error, warning, info, none", line: 4 }]).summary).toContain("- `fail_on` (line 4): must be one of");
    expect(out.summary).toContain("/dockaudit recheck");
    // Cut to length without leaving half of a character outside the BMP.
    const emoji = configErrorOutput([{ key: `rules.${"😀".repeat(300)}`, message: `x${"😀".repeat(300)}` }]);
    expect(emoji.title).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(emoji.summary).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it("explains superseded, failed and no-Docker runs", () => {
    expect(supersededOutput("abcdef1234").summary).toContain("`abcdef1`");
    // A re-run of the same commit supersedes a run too: the head need not have moved.
    expect(supersededOutput(null).summary).not.toContain("head moved");
    expect(failedOutput("GitHub answered 502").summary).toContain("**Re-run**");
    expect(noDockerOutput(1).summary).toContain("changes 1 file,");
  });

  it("lists moved and deleted Docker files", () => {
    const notes = fileChangeNotes(new Set(["a/Dockerfile", "old/compose.yml"]), new Map([["a/Dockerfile", "b/Dockerfile"]]));
    expect(notes).toEqual([expect.stringContaining("`a/Dockerfile` → `b/Dockerfile`"), expect.stringContaining("Deleted: `old/compose.yml`")]);
  });

  it("shows the markup a config problem quotes as written, on one line", () => {
    const bad = [{ key: "rules.image-tag-latest", message: 'unknown key "<img src=https://x.test/t.png>\n```\n# h" (known: severity, options)' }];
    for (const text of [headConfigProblems(bad), configErrorOutput(bad).summary]) {
      expect(text).not.toMatch(/(?<!\\)<img|\n```|\n# h/);
      expect(text).toContain('`rules.image-tag-latest`: unknown key "\\<img src=https://x.test/t.png\\> \\`\\`\\` # h" (known: severity, options)');
    }
  });

  it("keeps the paths and keys the pull request names in code spans, whatever backticks they hold", () => {
    const notes = fileChangeNotes(new Set(["a`@victim`/Dockerfile", "m`@x`"]), new Map([["m`@x`", "n`@y`"]]));
    expect(notes).toEqual([expect.stringContaining("`` m`@x` `` → `` n`@y` ``"), expect.stringContaining("Deleted: ``a`@victim`/Dockerfile``.")]);
    const bad = [{ key: "rules.x`@victim`", message: "`*.yml`@owner` is not a glob" }];
    expect(headConfigProblems(bad)).toContain("`` rules.x`@victim` ``: `*.yml`@\u2060owner\\` is not a glob");
    expect(configErrorOutput(bad).summary).toContain("- `` rules.x`@victim` ``: `*.yml`@\u2060owner\\` is not a glob");
  });
});
