import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { auditFiles } from "../../src/audit.js";
import type { Finding, Report } from "../../src/engine/index.js";
import type { Range, SourceFile } from "../../src/engine/types.js";
import { LineIndex } from "../../src/engine/text.js";

export const HOSTILE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "hostile");

/** Every committed hostile file, read as the CLI and the app read files: bytes decoded as UTF-8. */
export function committedFixtures(): { name: string; content: string }[] {
  const out: { name: string; content: string }[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) visit(path);
      else if (!entry.endsWith(".ts")) out.push({ name: relative(HOSTILE_DIR, path), content: readFileSync(path, "utf8") });
    }
  };
  visit(HOSTILE_DIR);
  return out;
}

/** A small, ordinary project audited beside each hostile file: its findings must survive. */
export const NORMAL_FILES: readonly SourceFile[] = [
  {
    path: "normal/Dockerfile",
    content: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD [\"gunicorn\", \"app:app\"]\n",
  },
  {
    path: "normal/compose.yaml",
    content: "services:\n  web:\n    build: .\n    ports:\n      - \"8000:8000\"\n  db:\n    image: postgres:16\n    ports:\n      - \"5432:5432\"\n    environment:\n      POSTGRES_PASSWORD: changeme\n",
  },
];

/**
 * Problems with a report's ranges: every range inside its file (1 ≤ line ≤ line count, 1 ≤ column ≤
 * line length + 1 with line breaks not counted, start ≤ end). Empty when all is well.
 */
export function rangeProblems(report: Report, files: readonly SourceFile[]): string[] {
  const indexes = new Map(files.map((f) => [f.path, new LineIndex(f.content.replace(/^\uFEFF/, " "))]));
  const problems: string[] = [];
  const check = (file: string, what: string, range: Range) => {
    const index = indexes.get(file);
    if (!index) return problems.push(`${what}: unknown file ${file}`);
    const bad = (p: { line: number; column: number }) =>
      !Number.isInteger(p.line) || !Number.isInteger(p.column) || p.line < 1 || p.line > index.lineCount || p.column < 1 || p.column > index.line(p.line).length + 1;
    if (bad(range.start) || bad(range.end) || range.start.line > range.end.line || (range.start.line === range.end.line && range.start.column > range.end.column)) {
      problems.push(`${what} in ${file}: ${JSON.stringify(range)} (${index.lineCount} lines)`);
    }
  };
  for (const f of report.findings) {
    if (f.range) check(f.file, f.ruleId, f.range);
    for (const edit of f.fix?.edits ?? []) check(f.file, `${f.ruleId} fix`, edit.range);
  }
  return problems;
}

export type Expect = "syntax" | "skipped" | "audited";
export type Expectation = Expect | { expect: Expect; message?: RegExp; line?: number };

const SYNTAX_RULE = { dockerfile: "dockerfile-syntax", compose: "schema-invalid" } as const;
const describeFinding = (f: Finding) => `${f.ruleId}@${f.range ? `${f.range.start.line}:${f.range.start.column}` : "file"} ${f.message}`;
const key = (f: Finding) => `${f.file} ${f.fingerprint} ${f.ruleId} ${JSON.stringify(f.range)}`;

let baseline: Finding[] | undefined;

/**
 * Audits one hostile file beside NORMAL_FILES with the full catalogue and checks what every hostile
 * file must get (see test/hostile/hostile-files.test.ts).
 */
export function checkHostile(name: string, content: string, expected: Expectation): void {
  baseline ??= auditFiles(NORMAL_FILES).findings;
  expect(baseline.length).toBeGreaterThan(0);
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
  expect(report.findings.filter((f) => f.file !== path).map(key)).toEqual(baseline!.map(key));

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

