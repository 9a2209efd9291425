import { auditFiles } from "../../src/audit.js";
import type { Finding, Report } from "../../src/engine/index.js";
import type { SourceFile } from "../../src/engine/types.js";
import { GENERATED } from "../fixtures/hostile/generate.js";
import { committedFixtures, NORMAL_FILES, rangeProblems } from "./support.js";

/**
 * Each hostile file is audited with the full catalogue beside an ordinary Dockerfile and Compose
 * file. Whatever the file holds, the run returns (no exception, no hang: the jest timeout is the
 * guard; bench/hostile.ts measures), no rule fails on it, every range stays inside its file, the
 * ordinary files keep exactly the findings they have alone, and the hostile file gets what its
 * name says:
 * - "syntax": a finding of the syntax rule of its kind (dockerfile-syntax / schema-invalid) with
 *   a line, naming the problem;
 * - "skipped": a file-level file-skipped finding with the reason;
 * - "audited": the file is audited like any other (it is odd, not wrong).
 */
type Expect = "syntax" | "skipped" | "audited";

const EXPECT: Record<string, Expect | { expect: Expect; message?: RegExp; line?: number }> = {
  "arg-only-no-stage.Dockerfile": "syntax",
  "backtick-escape-directive.Dockerfile": "audited",
  "backtick-escape-posix-shell.Dockerfile": "audited",
  "bom.Dockerfile": "audited",
  "comments-only.Dockerfile": { expect: "syntax", message: /no instructions/, line: 1 },
  "continuation-at-end-of-file.Dockerfile": "audited",
  "control-characters.Dockerfile": "audited",
  "crlf-line-endings.Dockerfile": "audited",
  "deep-subshell-nesting-in-run.Dockerfile": { expect: "syntax", message: /nested too deeply/, line: 2 },
  "empty.Dockerfile": { expect: "syntax", message: /no instructions/, line: 1 },
  "env-and-label-edge-cases.Dockerfile": "syntax",
  "flags-garbage.Dockerfile": { expect: "syntax", message: /--foo/, line: 1 },
  "from-without-image.Dockerfile": { expect: "syntax", line: 1 },
  "heredoc-variants.Dockerfile": "audited",
  "invalid-escape-directive.Dockerfile": "audited",
  "invalid-json-exec-form.Dockerfile": { expect: "syntax", message: /not valid JSON/, line: 2 },
  "json-exec-form-odd-values.Dockerfile": { expect: "syntax", message: /JSON array/ },
  "latin1-bytes.Dockerfile": "audited",
  "lone-carriage-returns.Dockerfile": "audited",
  "mixed-case-keywords.Dockerfile": "audited",
  "no-from-instruction.Dockerfile": { expect: "syntax", message: /no FROM/, line: 1 },
  "nul-bytes.Dockerfile": { expect: "skipped", message: /NUL bytes/ },
  "onbuild-chains.Dockerfile": "audited",
  "only-continuations.Dockerfile": "audited",
  "png-image-named-dockerfile.Dockerfile": { expect: "skipped", message: /NUL bytes/ },
  "secrets-with-odd-bytes.Dockerfile": "audited",
  "self-referencing-stage.Dockerfile": "audited",
  "stage-cycle.Dockerfile": "audited",
  "tabs-everywhere.Dockerfile": "audited",
  "unicode-and-emoji.Dockerfile": "audited",
  "unknown-instructions.Dockerfile": { expect: "syntax", message: /FORM.*not a Dockerfile instruction/, line: 1 },
  "unterminated-double-quote-in-run.Dockerfile": { expect: "syntax", message: /closing quote/, line: 2 },
  "unterminated-heredoc.Dockerfile": { expect: "syntax", message: /never closed/, line: 3 },
  "unterminated-single-quote-in-run.Dockerfile": { expect: "syntax", message: /closing quote/, line: 2 },
  "very-long-image-reference.Dockerfile": "audited",
  "whitespace-only.Dockerfile": { expect: "syntax", message: /no instructions/, line: 1 },
  "compose.anchors-and-merges-heavy.yaml": "audited",
  "compose.billion-laughs.yaml": { expect: "syntax", message: /alias bomb/, line: 13 },
  "compose.bom-crlf.yaml": "audited",
  "compose.comments-only.yaml": "audited",
  "compose.complex-keys.yaml": "audited",
  "compose.cyclic-depends-on.yaml": "audited",
  "compose.deep-flow-nesting.yaml": { expect: "syntax", message: /more than 100 levels/, line: 4 },
  "compose.duplicate-keys.yaml": { expect: "syntax", message: /unique/, line: 4 },
  "compose.empty.yaml": "audited",
  "compose.interpolation-edge-cases.yaml": "audited",
  "compose.key-is-only-a-colon.yaml": { expect: "syntax", line: 2 },
  "compose.latin1-bytes.yaml": "audited",
  "compose.missing-alias.yaml": { expect: "syntax", message: /no anchor &defaults/, line: 3 },
  "compose.multi-document.yaml": { expect: "syntax", message: /second YAML document/, line: 4 },
  "compose.null-services.yaml": "syntax",
  "compose.nul-bytes.yaml": { expect: "skipped", message: /NUL bytes/ },
  "compose.numbers-as-service-names.yaml": "audited",
  "compose.ports-and-volumes-garbage.yaml": "syntax",
  "compose.recursive-alias.yaml": { expect: "syntax", message: /inside its own anchor/, line: 2 },
  "compose.recursive-merge.yaml": { expect: "syntax", message: /inside its own anchor/, line: 2 },
  "compose.self-depends-on.yaml": "audited",
  "compose.services-as-list.yaml": { expect: "syntax", message: /must be a mapping/, line: 2 },
  "compose.tabs-indentation.yaml": { expect: "syntax", message: /Tabs/, line: 2 },
  "compose.tags-and-binary.yaml": "audited",
  "compose.top-level-list.yaml": { expect: "syntax", message: /mapping at the top level/, line: 1 },
  "compose.top-level-scalar.yaml": { expect: "syntax", message: /mapping at the top level/, line: 1 },
  "compose.unicode-service-names.yaml": "audited",
  "compose.unterminated-quote.yaml": "syntax",
  "compose.whitespace-only.yaml": "audited",
  "compose.wrong-types-everywhere.yaml": "syntax",
  "compose.yaml-syntax-error.yaml": { expect: "syntax", line: 5 },
  "dockerignore-garbage/.dockerignore": "audited",
};

const SYNTAX_RULE = { dockerfile: "dockerfile-syntax", compose: "schema-invalid" } as const;
const describeFinding = (f: Finding) => `${f.ruleId}@${f.range ? `${f.range.start.line}:${f.range.start.column}` : "file"} ${f.message}`;
const key = (f: Finding) => `${f.file} ${f.fingerprint} ${f.ruleId} ${JSON.stringify(f.range)}`;

let baseline: Finding[];
beforeAll(() => {
  baseline = auditFiles(NORMAL_FILES).findings;
  expect(baseline.length).toBeGreaterThan(0);
});

function check(name: string, content: string, expected: Expect | { expect: Expect; message?: RegExp; line?: number }): void {
  // After the ordinary files in path order, so once-per-run notes (shellcheck unavailable) stay on them.
  const path = `zz-hostile/${name}`;
  const files: SourceFile[] = [{ path, content }, ...NORMAL_FILES];
  let report: Report;
  expect(() => (report = auditFiles(files))).not.toThrow();
  report = report!;
  const spec = typeof expected === "string" ? { expect: expected } : expected;
  const own = report.findings.filter((f) => f.file === path);
  const entry = report.files.find((f) => f.path === path);

  expect(entry).toBeDefined();
  expect(report.findings.filter((f) => f.ruleId === "rule-failed").map(describeFinding)).toEqual([]);
  expect(rangeProblems(report, files)).toEqual([]);
  // The rest of the pull request is still audited, exactly as without the hostile file.
  expect(report.findings.filter((f) => f.file !== path).map(key)).toEqual(baseline.map(key));

  if (spec.expect === "skipped") {
    expect(entry!.skipped).toMatch(spec.message ?? /./);
    expect(own.map((f) => [f.ruleId, f.range])).toEqual([["file-skipped", null]]);
    expect(own[0].message).toContain(path);
    return;
  }
  expect(entry!.skipped).toBeUndefined();
  if (spec.expect === "syntax") {
    const rule = SYNTAX_RULE[entry!.kind as "dockerfile" | "compose"];
    const syntax = own.filter((f) => f.ruleId === rule && f.range);
    expect(syntax.length).toBeGreaterThan(0);
    if (spec.message) expect(syntax.map((f) => f.message)).toEqual(expect.arrayContaining([expect.stringMatching(spec.message)]));
    if (spec.line) expect(syntax.map((f) => f.range!.start.line)).toContain(spec.line);
  }
}

describe("hostile files of the corpus", () => {
  const fixtures = committedFixtures();

  it("has at least 50 files, each with an expectation", () => {
    expect(fixtures.length + GENERATED.length).toBeGreaterThanOrEqual(50);
    expect(fixtures.map((f) => f.name).filter((n) => !(n in EXPECT))).toEqual([]);
    expect(Object.keys(EXPECT).filter((n) => !fixtures.some((f) => f.name === n))).toEqual([]);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))("%s", (name, f) => check(name, f.content, EXPECT[name] ?? "audited"), 120_000);
});

describe("generated hostile files", () => {
  it.each(GENERATED.map((g) => [g.name, g] as const))("%s", (name, g) => check(name, g.build(), g.expect), 300_000);
});
