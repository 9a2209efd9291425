/**
 * Times every hostile file of test/fixtures/hostile (committed and generated) audited with the full
 * catalogue beside an ordinary Dockerfile and Compose file, the way test/hostile runs them, and
 * reports the slowest, and checks how the time grows with one construct repeated in a file
 * (growth.ts); before both, it audits the largest runs the default limits admit (worst-runs.ts)
 * through the server's audit pool. Run with `npm run bench:hostile` (add `-- --json` for machine
 * output, `-- --rounds 3` to keep the best of several rounds).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { auditFiles } from "../src/audit.js";
import { AUDIT_HEAP_MB, AUDIT_YOUNG_MB, createAuditPool } from "../src/app/audit-worker.js";
import { parseCompose } from "../src/engine/parse/compose.js";
import { parseDockerfile } from "../src/engine/parse/dockerfile.js";
import type { SourceFile } from "../src/engine/types.js";
import { GENERATED } from "../test/fixtures/hostile/generate.js";
import { GROWTH_CASES, measureGrowth, SUPERLINEAR, type Growth } from "./growth.js";
import { worstRuns } from "./worst-runs.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = basename(dirname(here)) === "dist" ? dirname(dirname(here)) : dirname(here);
const fixtureDir = join(root, "test", "fixtures", "hostile");

const NORMAL: SourceFile[] = [
  { path: "normal/Dockerfile", content: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["gunicorn", "app:app"]\n' },
  { path: "normal/compose.yaml", content: 'services:\n  web:\n    build: .\n    ports:\n      - "8000:8000"\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n' },
];

interface Case {
  name: string;
  source: "committed" | "generated";
  content: () => string;
}

function cases(): Case[] {
  const out: Case[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) visit(path);
      else if (!entry.endsWith(".ts") && !entry.endsWith(".js")) out.push({ name: relative(fixtureDir, path), source: "committed", content: () => readFileSync(path, "utf8") });
    }
  };
  visit(fixtureDir);
  for (const g of GENERATED) out.push({ name: g.name, source: "generated", content: () => g.build() });
  return out;
}

interface Result {
  name: string;
  source: Case["source"];
  bytes: number;
  parseMs: number;
  auditMs: number;
  findings: number;
  outcome: string;
}

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function run(c: Case, rounds: number): Result {
  const content = c.content();
  const path = `zz-hostile/${c.name}`;
  const compose = /(^|\/)(docker-)?compose[^/]*\.ya?ml$/.test(c.name);
  let parseMs = Infinity;
  let auditMs = Infinity;
  let report: ReturnType<typeof auditFiles> | undefined;
  for (let r = 0; r < rounds; r++) {
    auditMs = Math.min(auditMs, time(() => (report = auditFiles([{ path, content }, ...NORMAL]))));
    // The parser alone (every RUN script included), for files the run does parse.
    const parsed = !report!.files.find((f) => f.path === path)?.skipped && !c.name.endsWith(".dockerignore");
    if (parsed) parseMs = Math.min(parseMs, time(() => (compose ? parseCompose(path, content) : parseDockerfile(path, content).instructions.forEach((i) => i.script))));
  }
  const own = report!.findings.filter((f) => f.file === path);
  const entry = report!.files.find((f) => f.path === path);
  const outcome = entry?.skipped ? "skipped" : own.some((f) => f.ruleId === "rule-failed") ? "RULE FAILED" : own.some((f) => f.ruleId === "dockerfile-syntax" || f.ruleId === "schema-invalid") ? "syntax finding" : "audited";
  return { name: c.name, source: c.source, bytes: Buffer.byteLength(content), parseMs: Number.isFinite(parseMs) ? parseMs : 0, auditMs, findings: own.length, outcome };
}

interface RunResult {
  name: string;
  files: number;
  bytes: number;
  ms: number;
  outcome: string;
  listed: number;
  omittedNotes: number;
  maxRssMiB: number;
}

/** Each worst run through a fresh audit pool, as the server audits: a worker thread under its heap ceiling, ShellCheck on. */
async function worstRunResults(): Promise<RunResult[]> {
  const out: RunResult[] = [];
  for (const run of worstRuns()) {
    const pool = createAuditPool({ threads: 1 });
    const start = process.hrtime.bigint();
    let outcome = "completed";
    let listed = 0;
    let omittedNotes = 0;
    try {
      const report = await pool.audit(run.files, {});
      listed = report.findings.length;
      omittedNotes = report.findings.filter((f) => f.ruleId === "findings-omitted").length;
    } catch (e) {
      outcome = `FAILED: ${(e as Error).message}`;
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    await pool.close();
    const bytes = run.files.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
    out.push({ name: run.name, files: run.files.length, bytes, ms, outcome, listed, omittedNotes, maxRssMiB: process.resourceUsage().maxRSS / 1024 });
  }
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const rounds = Math.max(1, Number(args[args.indexOf("--rounds") + 1]) || 1);
  // The largest runs first: they run in audit threads, and the process's peak RSS each reports is
  // then theirs, not that of the megabyte files audited on this thread below.
  const runs = await worstRunResults();
  // Warm up module loading and the JIT on the ordinary files, so the first case is not charged for it.
  for (let i = 0; i < 3; i++) auditFiles(NORMAL);
  const results: Result[] = [];
  for (const c of cases()) {
    results.push(run(c, rounds));
    if (!json) process.stderr.write(".");
  }
  results.sort((a, b) => b.auditMs - a.auditMs);
  const slowest = results[0];
  const total = results.reduce((n, r) => n + r.auditMs, 0);
  const growth: Growth[] = GROWTH_CASES.map((c) => measureGrowth(c, Math.max(3, rounds), (path, content) => auditFiles([{ path, content }]), () => Number(process.hrtime.bigint()) / 1e6));
  if (json) {
    console.log(JSON.stringify({ slowest: slowest.name, slowestMs: slowest.auditMs, totalMs: total, results, growth, runs }, null, 2));
    return;
  }
  const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(0)} KB` : `${n} B`);
  console.log(`\n\n${results.length} hostile files, audited with the full catalogue beside two ordinary files (best of ${rounds} round${rounds > 1 ? "s" : ""}).\n`);
  console.log("| file | size | parse ms | audit ms | findings | outcome |\n| --- | ---: | ---: | ---: | ---: | --- |");
  for (const r of results.slice(0, json ? results.length : 20)) {
    console.log(`| ${r.name}${r.source === "generated" ? " (generated)" : ""} | ${kb(r.bytes)} | ${r.parseMs.toFixed(0)} | ${r.auditMs.toFixed(0)} | ${r.findings} | ${r.outcome} |`);
  }
  console.log(`\nSlowest: ${slowest.name} in ${slowest.auditMs.toFixed(0)} ms; all ${results.length} in ${(total / 1000).toFixed(1)} s.`);
  const failed = results.filter((r) => r.outcome === "RULE FAILED");
  if (failed.length) console.log(`Rules failed on: ${failed.map((r) => r.name).join(", ")}`);
  console.log(`\nGrowth: one construct repeated n and 4n times in one file (linear: about 4 x the time; past ${SUPERLINEAR} x it grows faster than the file).\n`);
  console.log("| construct | n | ms at n | ms at 4n | ratio | |\n| --- | ---: | ---: | ---: | ---: | --- |");
  for (const g of growth) console.log(`| ${g.name} | ${g.n} | ${g.smallMs.toFixed(0)} | ${g.largeMs.toFixed(0)} | ${g.ratio.toFixed(1)} | ${g.superlinear ? "SUPERLINEAR" : ""} |`);
  console.log(`\nThe largest runs the default limits admit, each through a fresh audit thread (heap ceiling ${AUDIT_HEAP_MB} MiB, young generation ${AUDIT_YOUNG_MB} MiB, ShellCheck on, as the server runs):\n`);
  console.log("| run | files | size | seconds | outcome | findings listed | files with findings-omitted | process peak RSS so far |\n| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |");
  for (const r of runs) console.log(`| ${r.name} | ${r.files} | ${kb(r.bytes)} | ${(r.ms / 1000).toFixed(1)} | ${r.outcome} | ${r.listed} | ${r.omittedNotes} | ${r.maxRssMiB.toFixed(0)} MiB |`);
}

await main();
