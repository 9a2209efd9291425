import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Report } from "../../src/engine/index.js";
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
