/**
 * Where the engine's time goes, for the benchmark's "profile, find the cause" step.
 *
 *   node --cpu-prof --cpu-prof-dir=dist/prof dist/bench/profile.js run [engine|floor] [all|compose|dockerfile] [passes]
 *   node dist/bench/profile.js top dist/prof/<file>.cpuprofile [rows]
 *   node dist/bench/profile.js dump > findings.json
 *   node dist/bench/profile.js phases [passes]
 *   node dist/bench/profile.js rules [passes] [rows]
 *   node dist/bench/profile.js split [passes]
 *
 * `run` audits (or only parses) the corpus files of one kind a few times in this process;
 * `top` prints the functions with the most self time and the most inclusive time, by file;
 * `dump` prints every finding of one engine pass over the corpus (fixes and scores included), in a
 * stable order, so that a change made for speed can be diffed against the findings it must keep;
 * `phases` splits the engine's warm time into parse, rules and findings by substitution (phases.ts);
 * `rules` times each rule's check, with and without the shared analyses it asks for first (rule-times.ts);
 * `split` profiles alternating floor and engine passes and compares what their parses cost (parse-share.ts).
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { defaultCorpusDir, groupByProject, loadCorpus, type CorpusFile } from "./corpus.js";
import { describePhases, substitute, type Variant } from "./phases.js";
import { describeRuleTimes, timedRules } from "./rule-times.js";
import { describeParseShare, parseShare, type CpuProfile } from "./parse-share.js";
import { Session } from "node:inspector/promises";
import { ignoreClosedPipes } from "../src/cli/closed-pipe.js";
import { countArg, UsageError } from "./options.js";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}

/** A project's files as the engine takes them, read from disk again on every call (each pass reads). */
const sources = (group: readonly CorpusFile[]) => group.map((f) => ({ path: f.path, content: readFileSync(f.abs, "utf8") }));

/** The parse floor: each file read and parsed by our parsers, no rules. */
async function floorParser(): Promise<(files: readonly CorpusFile[]) => void> {
  const { parseDockerfile } = await import("../src/engine/parse/dockerfile.js");
  const { parseCompose } = await import("../src/engine/parse/compose.js");
  const { parseDockerignore } = await import("../src/engine/parse/dockerignore.js");
  return (files) => {
    for (const f of files) {
      const text = readFileSync(f.abs, "utf8");
      if (f.kind === "dockerfile") parseDockerfile(f.path, text);
      else if (f.kind === "compose") parseCompose(f.path, text);
      else parseDockerignore(f.path, text);
    }
  };
}

async function run(what: string, set: string, passes: number): Promise<void> {
  const { auditFiles } = await import("../src/audit.js");
  const floor = await floorParser();
  const corpus = loadCorpus(defaultCorpusDir()).filter((f) => set === "all" || f.kind === set);
  const trees = new Map([...groupByProject(loadCorpus(defaultCorpusDir()))].map(([p, g]) => [p, g.map((f) => f.path)]));
  for (let i = 0; i < passes; i++) {
    const t = performance.now();
    if (what === "engine") for (const [project, group] of groupByProject(corpus)) auditFiles(sources(group), { tree: trees.get(project) });
    else floor(corpus);
    process.stdout.write(`${what} pass ${i + 1}: ${(performance.now() - t).toFixed(0)} ms for ${corpus.length} files\n`);
  }
}

function top(file: string, rows: number): void {
  const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: ProfileNode[]; samples: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode) => {
    const url = n.callFrame.url.replace(/^.*\/(node_modules\/|dist\/)/, "$1");
    return `${n.callFrame.functionName || "(anonymous)"} ${url}:${n.callFrame.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const counts = new Map<number, number>();
  for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
  let all = 0;
  for (const [id, hits] of counts) {
    all += hits;
    const n = byId.get(id)!;
    self.set(label(n), (self.get(label(n)) ?? 0) + hits);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + hits);
    }
  }
  const print = (title: string, m: Map<string, number>) => {
    process.stdout.write(`\n${title}\n`);
    for (const [l, h] of [...m].sort((a, b) => b[1] - a[1]).slice(0, rows)) process.stdout.write(`${((100 * h) / all).toFixed(1).padStart(5)}%  ${l}\n`);
  };
  print("self time", self);
  print("inclusive time", total);
  // Inclusive time per source file of the project (rules/..., src/...), to rank rules and helpers.
  const byFile = new Map<string, number>();
  for (const [id, hits] of counts) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const m = /dist\/(?:fast\/)?((?:rules|src)\/.*\.js)$/.exec(byId.get(cur)!.callFrame.url);
      if (!m || seen.has(m[1])) continue;
      seen.add(m[1]);
      byFile.set(m[1], (byFile.get(m[1]) ?? 0) + hits);
    }
  }
  print("inclusive time by project file", byFile);
}

async function dump(): Promise<void> {
  const { auditFiles } = await import("../src/audit.js");
  const corpus = loadCorpus(defaultCorpusDir());
  const out: unknown[] = [];
  for (const [project, group] of groupByProject(corpus)) {
    const report = auditFiles(sources(group), { tree: group.map((f) => f.path) });
    out.push({ project, scores: report.scores, services: report.services, findings: report.findings });
  }
  process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
}

/** Alternates the four kinds of pass, `passes` times after two warm-up rounds, and prints the medians. */
async function phases(passes: number): Promise<void> {
  const { rules } = await import("../rules/index.js");
  const { audit } = await import("../src/engine/index.js");
  const floor = await floorParser();
  const corpus = loadCorpus(defaultCorpusDir());
  const projects = [...groupByProject(corpus).values()];
  const catalogues = Object.fromEntries((["noop", "silent", "engine"] as Variant[]).map((v) => [v, substitute(rules, v)]));
  const pass = (kind: string) => {
    if (kind === "floor") floor(corpus);
    else for (const group of projects) audit(sources(group), catalogues[kind], { tree: group.map((f) => f.path) });
  };
  const series: Record<"floor" | "noop" | "silent" | "engine", number[]> = { floor: [], noop: [], silent: [], engine: [] };
  for (let round = 0; round < passes + 2; round++) {
    for (const kind of Object.keys(series) as (keyof typeof series)[]) {
      const t = performance.now();
      pass(kind);
      if (round >= 2) series[kind].push(performance.now() - t);
    }
  }
  process.stdout.write(`${corpus.length} files, median of ${passes} warm passes each\n${describePhases(series)}\n`);
}

/** Each rule timed on every model of the corpus, `passes` times after two warm-up passes. */
async function ruleTimes(passes: number, rows: number): Promise<void> {
  const { rules } = await import("../rules/index.js");
  const { audit } = await import("../src/engine/index.js");
  const projects = [...groupByProject(loadCorpus(defaultCorpusDir())).values()];
  const catalogue = timedRules(rules);
  for (let round = 0; round < passes + 2; round++) {
    if (round === 2) catalogue.reset();
    for (const group of projects) {
      audit(sources(group), catalogue.rules, { tree: group.map((f) => f.path) });
      catalogue.rerun();
    }
  }
  process.stdout.write(`${describeRuleTimes(catalogue.times, passes, rows)}\n`);
}

/** Floor and engine passes alternated under the sampling profiler, their parse time compared. */
async function split(passes: number): Promise<void> {
  const { auditFiles } = await import("../src/audit.js");
  const floor = await floorParser();
  const corpus = loadCorpus(defaultCorpusDir());
  const projects = [...groupByProject(corpus).values()];
  // Named as parse-share.ts's PASS_FUNCTIONS: the profile's stacks tell the passes apart by them.
  function parseFloorPass(): void {
    floor(corpus);
  }
  function auditEnginePass(): void {
    for (const group of projects) auditFiles(sources(group), { tree: group.map((f) => f.path) });
  }
  for (let i = 0; i < 2; i++) {
    parseFloorPass();
    auditEnginePass();
  }
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  for (let i = 0; i < passes; i++) {
    parseFloorPass();
    auditEnginePass();
  }
  const { profile } = await session.post("Profiler.stop");
  session.disconnect();
  process.stdout.write(`${corpus.length} files\n${describeParseShare(parseShare(profile as CpuProfile), passes)}\n`);
}

const USAGE = `usage: node dist/bench/profile.js <command>
  run [engine|floor] [all|compose|dockerfile] [passes]
  top <file.cpuprofile> [rows]
  dump
  phases [passes]
  rules [passes] [rows]
  split [passes]`;

async function main(cmd: string | undefined, a?: string, b?: string, c?: string): Promise<void> {
  if (cmd === "top" && a) top(a, countArg("rows", b, 40, 1));
  else if (cmd === "dump") await dump();
  else if (cmd === "phases") await phases(countArg("passes", a, 8, 1));
  else if (cmd === "rules") await ruleTimes(countArg("passes", a, 8, 1), countArg("rows", b, 40, 1));
  else if (cmd === "split") await split(countArg("passes", a, 10, 1));
  else if ((cmd === undefined || cmd === "run") && ["engine", "floor"].includes(a ?? "engine") && ["all", "compose", "dockerfile"].includes(b ?? "all"))
    await run(a ?? "engine", b ?? "all", countArg("passes", c, 3, 1));
  else throw new UsageError(USAGE);
}

ignoreClosedPipes();
try {
  await main(...(process.argv.slice(2) as [string | undefined, string?, string?, string?]));
} catch (e) {
  if (!(e instanceof UsageError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 2;
}
