import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { audit, DEFAULT_CONFIG, type Config, type Finding } from "../../src/engine/index.js";
import type { Rule } from "../../src/engine/rule.js";
import type { DockerfileModel } from "../../src/engine/parse/dockerfile.js";
import { parseDockerfile } from "../../src/engine/parse/dockerfile.js";
import { rules } from "../../rules/index.js";
import { CORPUS } from "../helpers/corpus.js";

export interface QueryResult {
  platform: "dockerfile" | "dockerCompose";
  dir: string;
  uuid: string;
  rules: string[];
  expected: number;
  matched: number;
  /** Findings of the mapped rules that match no expected line, by file:line. */
  falsePositives: string[];
  missed: string[];
}

interface Expected {
  line: number;
  fileName?: string;
  filename?: string;
}

/** Runs the rules carrying `kics:<uuid>` on every sample of every KICS query. */
export function evaluateKics(): QueryResult[] {
  const results: QueryResult[] = [];
  for (const platform of ["dockerfile", "dockerCompose"] as const) {
    const base = join(CORPUS, "kics", platform);
    for (const dir of readdirSync(base).sort()) {
      const meta = JSON.parse(readFileSync(join(base, dir, "metadata.json"), "utf8")) as { id: string };
      const mapped = rules.filter((r) => r.meta.aliases.includes(`kics:${meta.id}`));
      const files = readdirSync(join(base, dir)).filter((f) => /^(positive|negative)\d*\.(dockerfile|yaml|yml)$/.test(f));
      const expected = JSON.parse(readFileSync(join(base, dir, "positive_expected_result.json"), "utf8")) as Expected[];
      const single = files.filter((f) => f.startsWith("positive")).length === 1 ? files.find((f) => f.startsWith("positive")) : undefined;
      const expectedByFile = new Map<string, number[]>();
      for (const e of expected) {
        const file = e.fileName ?? e.filename ?? single ?? "positive.dockerfile";
        expectedByFile.set(file, [...(expectedByFile.get(file) ?? []), e.line]);
      }
      const result: QueryResult = { platform, dir, uuid: meta.id, rules: mapped.map((r) => r.meta.id), expected: expected.length, matched: 0, falsePositives: [], missed: [] };
      for (const file of files) {
        const content = readFileSync(join(base, dir, file), "utf8");
        const findings = mapped.length ? runSample(mapped, platform, content) : [];
        const lines = expectedByFile.get(file) ?? [];
        const statement = statementOf(platform, content);
        for (const line of lines) {
          if (findings.some((f) => matches(f, line, statement))) result.matched++;
          else result.missed.push(`${file}:${line}`);
        }
        for (const f of findings) {
          if (!lines.some((line) => matches(f, line, statement))) result.falsePositives.push(`${file}:${f.range?.start.line ?? "file"} ${f.ruleId}`);
        }
      }
      results.push(result);
    }
  }
  return results;
}

function runSample(mapped: Rule[], platform: string, content: string): Finding[] {
  const path = platform === "dockerfile" ? "Dockerfile" : "docker-compose.yml";
  const config: Config = { ...DEFAULT_CONFIG, rules: Object.fromEntries(mapped.map((r) => [r.meta.id, { severity: r.meta.severity === "off" ? "warning" : r.meta.severity }])) };
  return audit([{ path, content }], mapped, { config }).findings.filter((f) => mapped.some((r) => r.meta.id === f.ruleId));
}

/** The lines of the statement around a line: the Dockerfile instruction, or the Compose service block. */
function statementOf(platform: string, content: string): (line: number) => [number, number] {
  if (platform === "dockerfile") {
    const model: DockerfileModel = parseDockerfile("Dockerfile", content);
    return (line) => {
      const ins = model.instructions.find((i) => i.range.start.line <= line && line <= i.range.end.line);
      return ins ? [ins.range.start.line, ins.range.end.line] : [line, line];
    };
  }
  const lines = content.split("\n");
  return (line) => {
    let start = line;
    while (start > 1 && !/^ {2}[^ #-]/.test(lines[start - 1]) && !/^\S/.test(lines[start - 1])) start--;
    let end = line;
    while (end < lines.length && !/^ {0,2}[^ #]/.test(lines[end] ?? "x")) end++;
    return [start, end];
  };
}

function matches(f: Finding, line: number, statement: (line: number) => [number, number]): boolean {
  if (!f.range) return false;
  if (f.range.start.line <= line && line <= f.range.end.line) return true;
  const [start, end] = statement(line);
  return start <= f.range.start.line && f.range.start.line <= end;
}
