/**
 * dockaudit's benchmark: `npm run bench` (full) or `npm run bench -- --quick` (under a minute).
 *
 * Everything is measured side by side in one run, in rounds that alternate between the engine,
 * its parse floor and the peers, so that a noisy machine slows every contender of a round alike;
 * ratios are taken within each round (pair by pair), then summarised as median and min–max.
 * The method and the latest results are in docs/benchmarks.md.
 *
 * Options: --quick, --rounds N, --warmup N (warm-up passes, counted over the whole corpus), --cold N,
 *          --step N (every n-th corpus file), --corpus DIR, --no-peers, --no-app, --no-corpus.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Child } from "./ipc.js";
import { loadCorpus, repoRoot, sample, warmupPasses } from "./corpus.js";
import { parseArgs, UsageError, type Options } from "./options.js";
import { PEERS, type PeerName } from "./peer-driver-types.js";
import { peerPass, type Pass, type PeerState } from "./peer-pass.js";
import { fmt, round, summarize, table, type Summary } from "./stats.js";
import { AUDIT_THREAD_HEAP, AUDIT_THREAD_HEAP_FLAGS } from "./audit-heap.js";
import { checkTarget, type Target } from "./targets.js";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const ENGINE_WORKER = join(HERE, "engine-worker.js");
const PEER_DRIVER = join(HERE, "peer-driver.js");
const NODE_ARGS = ["--expose-gc"];

const log = (s = ""): void => void process.stdout.write(s + "\n");

const ordinal = (n: number): string => `${n}${n % 10 === 1 && n % 100 !== 11 ? "st" : n % 10 === 2 && n % 100 !== 12 ? "nd" : n % 10 === 3 && n % 100 !== 13 ? "rd" : "th"}`;
const perSecond = (p: { ms: number; files: number }): number => (p.files * 1000) / p.ms;
const cpuPerFile = (p: { cpuMs: number; files: number }): number => p.cpuMs / p.files;

/* ------------------------------------------------------------------ the corpus part ---------- */

/** Starts the peer's measuring process (bench/peer-driver.ts); peerPass restarts it after a crash. */
async function startPeer(state: PeerState): Promise<void> {
  state.child = new Child(PEER_DRIVER, [], NODE_ARGS);
  const init = await state.child.request<{ loadMs: number; version: string }>({ cmd: "init", peer: state.name }, 60_000);
  state.version = init.version;
  state.loadMs = init.loadMs;
}

function ensurePeers(): string | null {
  const dir = join(repoRoot(), "bench", "peers");
  if (PEERS.every((p) => existsSync(join(dir, "node_modules", p, "package.json")))) return null;
  log(`Installing the peer linters into bench/peers/ (benchmark only; npm ci) ...`);
  const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) return `could not install the peers in bench/peers (npm ci exited ${r.status}); run \`npm run bench:setup\``;
  return null;
}

const ALL_CONTENDERS = ["engine", "floor", "libfloor", "shellfloor"] as const;
type Contender = (typeof ALL_CONTENDERS)[number];

interface CorpusResults {
  files: { all: number; compose: number; dockerfile: number; dockerignore: number; total: number; peerCompose: number };
  loadMs: number;
  cold: { engine: Summary; floor: Summary; ratio: Summary; maxRssMiB: number; floorMaxRssMiB: number };
  /** Peak RSS of a process that runs only engine passes, as many as the warm process. */
  /** Peak RSS of an engine-only process with the heap ceiling the server gives its audit threads. */
  engineAloneMaxRssMiB: number;
  /** The same with Node's default heap, sized from the host's memory; null in --quick, which keeps its minute. */
  engineAloneDefaultHeapMaxRssMiB: number | null;
  /** Warm-up passes before the measured rounds (more for a sample: see warmupPasses). */
  warmups: number;
  warm: Record<Contender, Summary> & {
    engineOverFloor: Summary;
    engineOverFloorCpu: Summary;
    engineOverLibfloor: Summary;
    engineOverShellfloor: Summary;
    /** Milliseconds of garbage collection per warm pass, by contender. */
    gcMs: Record<Contender, Summary>;
    engineCompose: Summary;
    engineDockerfile: Summary;
    /** Our parsers alone on dclint's set, and how many times dclint's time per file that is: the ratio rules costing nothing would give. */
    floorCompose: Summary;
    dclintOverFloorCompose: Summary;
  };
  findings: number;
  ruleFailures: number;
  maxRssMiB: number;
  withShellcheck: { engine: Pass; shellcheck: Pass } | null;
  peers: {
    name: PeerName;
    version: string;
    target: "compose" | "dockerfile";
    files: number;
    filesPerS: Summary | null;
    overEngine: Summary | null;
    overEngineCpu: Summary | null;
    excluded: [string, string][];
    maxRssMiB: number | null;
    error?: string;
  }[];
}

async function corpusPart(opts: Options): Promise<CorpusResults | null> {
  if (!existsSync(join(opts.corpus, "MANIFEST.tsv"))) {
    log(`The real-world corpus is absent (${opts.corpus}): the engine and peer measurements are skipped.`);
    log(`It is the shared corpus beside the clone (../shared/corpus/real); pass --corpus DIR to point elsewhere.`);
    return null;
  }
  const corpus = loadCorpus(opts.corpus);
  const indices = (k: string) => sample(corpus.map((_, i) => i).filter((i) => corpus[i].kind === k), opts.step);
  const compose = indices("compose");
  const dockerfile = indices("dockerfile");
  const dockerignore = indices("dockerignore");
  const all = [...dockerfile, ...compose, ...dockerignore].sort((a, b) => a - b);
  // dclint runs at about 17 files/s: --quick gives it (and the engine beside it) every 6th Compose
  // file in order of size, so that the sample keeps the corpus's spread of sizes (the engine's cost
  // grows with a file, dclint's is mostly a per-file schema compilation).
  const bySize = corpus.map((_, i) => i).filter((i) => corpus[i].kind === "compose").sort((a, b) => corpus[a].bytes - corpus[b].bytes || a - b);
  const peerCompose = opts.quick ? sample(bySize, 2 * opts.step).sort((a, b) => a - b) : compose;
  const init = { cmd: "init", corpus, sets: { all, compose: peerCompose, dockerfile } };

  log(
    `Corpus: ${all.length}${opts.step > 1 ? ` of ${corpus.length} (every ${ordinal(opts.step)} file of each kind)` : ""} files: ${dockerfile.length} Dockerfiles, ${compose.length} Compose, ${dockerignore.length} .dockerignore, read in place from ${opts.corpus}`,
  );

  // Cold: a fresh process whose first pass is the measured one, alternating which goes first.
  const cold = { engine: [] as number[], floor: [] as number[], ratio: [] as number[], maxRss: 0, floorMaxRss: 0 };
  for (let c = 0; c < opts.cold; c++) {
    const pair: Record<string, number> = {};
    for (const what of c % 2 ? ["floor", "engine"] : ["engine", "floor"]) {
      const w = new Child(ENGINE_WORKER, [], NODE_ARGS);
      await w.request({ ...init });
      const p = await w.request<Pass>({ cmd: "pass", what, set: "all" });
      if (what === "engine") cold.maxRss = Math.max(cold.maxRss, p.maxRssMiB);
      else cold.floorMaxRss = Math.max(cold.floorMaxRss, p.maxRssMiB);
      pair[what] = p.ms;
      await w.close();
    }
    cold.engine.push((all.length * 1000) / pair.engine);
    cold.floor.push((all.length * 1000) / pair.floor);
    cold.ratio.push(pair.engine / pair.floor);
  }

  const warmups = warmupPasses(all.length, corpus.length, opts.warmup);
  // The engine's own steady state: a process that only audits, pass after pass, as a server's audit
  // thread does (under the same heap ceiling), and the same under Node's host-sized default heap.
  const engineAlone = async (args: readonly string[]) => {
    const alone = new Child(ENGINE_WORKER, [], [...NODE_ARGS, ...args]);
    await alone.request({ ...init });
    for (let i = 0; i < warmups + opts.rounds; i++) await alone.request({ cmd: "pass", what: "engine", set: "all" });
    const { maxRssMiB } = await alone.request<{ maxRssMiB: number }>({ cmd: "stats" });
    await alone.close();
    return maxRssMiB;
  };
  const engineAloneMaxRssMiB = await engineAlone(AUDIT_THREAD_HEAP_FLAGS);
  const engineAloneDefaultHeapMaxRssMiB = opts.quick ? null : await engineAlone([]);

  // Warm: one long-lived process, as the server is.
  const worker = new Child(ENGINE_WORKER, [], NODE_ARGS);
  const { loadMs } = await worker.request<{ loadMs: number }>({ ...init });
  const contenders: Contender[] = opts.quick ? ["engine", "floor"] : [...ALL_CONTENDERS];
  for (let i = 0; i < warmups; i++) for (const what of contenders) await worker.request({ cmd: "pass", what, set: "all" });
  for (const set of ["compose", "dockerfile"]) await worker.request({ cmd: "pass", what: "engine", set });

  const peerTargets: Record<PeerName, { set: number[]; target: "compose" | "dockerfile" }> = {
    dclint: { set: peerCompose, target: "compose" },
    dockerfilelint: { set: dockerfile, target: "dockerfile" },
    "dockerfile-utils": { set: dockerfile, target: "dockerfile" },
  };
  const peers: PeerState[] = [];
  if (opts.peers) {
    const missing = ensurePeers();
    if (missing) log(`Peers skipped: ${missing}`);
    else
      for (const name of PEERS) {
        const state: PeerState = { name, files: peerTargets[name].set.map((i) => corpus[i]), excluded: new Map(), child: null, version: "?", loadMs: 0, passes: [] };
        try {
          // Warm-up, and the pass that finds the files it crashes on (in --quick, round 1 does that).
          if (!opts.quick) await peerPass(state, true, startPeer);
        } catch (e) {
          state.error = (e as Error).message;
        }
        peers.push(state);
      }
  } else log("Peers skipped (--no-peers).");

  const warm = Object.fromEntries(contenders.map((c) => [c, [] as Pass[]])) as Record<Contender, Pass[]>;
  const sub = { compose: [] as Pass[], dockerfile: [] as Pass[], floorCompose: [] as Pass[] };
  const dclintOverFloorCompose: number[] = [];
  const ratios = { floor: [] as number[], floorCpu: [] as number[], libfloor: [] as number[], shellfloor: [] as number[] };
  const peerRatios = new Map<PeerName, { wall: number[]; cpu: number[] }>();
  for (let r = 0; r < opts.rounds; r++) {
    const order = r % 2 ? [...contenders].reverse() : contenders;
    const got = {} as Record<Contender, Pass>;
    for (const what of order) got[what] = await worker.request<Pass>({ cmd: "pass", what, set: "all" });
    for (const c of contenders) warm[c].push(got[c]);
    ratios.floor.push(got.engine.ms / got.floor.ms);
    ratios.floorCpu.push(got.engine.cpuMs / got.floor.cpuMs);
    if (got.libfloor) ratios.libfloor.push(got.engine.ms / got.libfloor.ms);
    if (got.shellfloor) ratios.shellfloor.push(got.engine.ms / got.shellfloor.ms);
    const mine: Record<string, Pass> = {};
    for (const set of ["compose", "dockerfile"] as const) sub[set].push((mine[set] = await worker.request<Pass>({ cmd: "pass", what: "engine", set })));
    const floorCompose = await worker.request<Pass>({ cmd: "pass", what: "floor", set: "compose" });
    sub.floorCompose.push(floorCompose);
    for (const peer of peers) {
      if (peer.error) continue;
      try {
        const p = await peerPass(peer, opts.quick && r === 0, startPeer);
        peer.passes.push(p);
        const engine = mine[peerTargets[peer.name].target];
        // Time per file of the peer over time per file of the engine, within the same round.
        const entry = peerRatios.get(peer.name) ?? { wall: [], cpu: [] };
        entry.wall.push(perSecond(engine) / perSecond(p));
        entry.cpu.push(cpuPerFile(p) / cpuPerFile(engine));
        peerRatios.set(peer.name, entry);
        if (peer.name === "dclint") dclintOverFloorCompose.push(perSecond(floorCompose) / perSecond(p));
      } catch (e) {
        peer.error = (e as Error).message;
      }
    }
    process.stderr.write(`  round ${r + 1}/${opts.rounds} done\n`);
  }
  const stats = await worker.request<{ maxRssMiB: number }>({ cmd: "stats" });
  // The CLI and the server also run the ShellCheck binary on each new RUN script: one pass (cold
  // cache) on the Dockerfiles beside an engine pass, when ShellCheck is installed; full runs only.
  let withShellcheck: { engine: Pass; shellcheck: Pass } | null = null;
  if (!opts.quick && spawnSync("shellcheck", ["--version"]).status === 0) {
    const engine = await worker.request<Pass>({ cmd: "pass", what: "engine", set: "dockerfile" });
    withShellcheck = { engine, shellcheck: await worker.request<Pass>({ cmd: "pass", what: "shellcheck", set: "dockerfile" }) };
  }
  await worker.close();
  for (const peer of peers) await peer.child?.close();

  const last = warm.engine[warm.engine.length - 1];
  const sumOf = (xs: number[]) => summarize(xs);
  return {
    files: { all: all.length, compose: compose.length, dockerfile: dockerfile.length, dockerignore: dockerignore.length, total: corpus.length, peerCompose: peerCompose.length },
    loadMs,
    cold: { engine: summarize(cold.engine), floor: summarize(cold.floor), ratio: summarize(cold.ratio), maxRssMiB: cold.maxRss, floorMaxRssMiB: cold.floorMaxRss },
    engineAloneMaxRssMiB,
    engineAloneDefaultHeapMaxRssMiB,
    warmups,
    warm: {
      engine: summarize(warm.engine.map(perSecond)),
      floor: summarize(warm.floor.map(perSecond)),
      libfloor: summarize((warm.libfloor ?? []).map(perSecond)),
      shellfloor: summarize((warm.shellfloor ?? []).map(perSecond)),
      engineOverFloor: sumOf(ratios.floor),
      engineOverFloorCpu: sumOf(ratios.floorCpu),
      engineOverLibfloor: sumOf(ratios.libfloor),
      engineOverShellfloor: sumOf(ratios.shellfloor),
      gcMs: Object.fromEntries(ALL_CONTENDERS.map((c) => [c, summarize((warm[c] ?? []).map((p) => p.gcMs ?? 0))])) as Record<Contender, Summary>,
      engineCompose: summarize(sub.compose.map(perSecond)),
      engineDockerfile: summarize(sub.dockerfile.map(perSecond)),
      floorCompose: summarize(sub.floorCompose.map(perSecond)),
      dclintOverFloorCompose: sumOf(dclintOverFloorCompose),
    },
    findings: last?.findings ?? 0,
    ruleFailures: last?.ruleFailures ?? 0,
    maxRssMiB: stats.maxRssMiB,
    withShellcheck,
    peers: peers.map((p) => ({
      name: p.name,
      version: p.version,
      target: peerTargets[p.name].target,
      files: p.files.length - p.excluded.size,
      filesPerS: p.passes.length ? summarize(p.passes.map(perSecond)) : null,
      overEngine: peerRatios.get(p.name) ? summarize(peerRatios.get(p.name)!.wall) : null,
      overEngineCpu: peerRatios.get(p.name) ? summarize(peerRatios.get(p.name)!.cpu) : null,
      excluded: [...p.excluded].map(([abs, why]) => [abs.slice(opts.corpus.length + 1), why]),
      maxRssMiB: p.passes.length ? Math.max(...p.passes.map((x) => x.maxRssMiB)) : null,
      error: p.error,
    })),
  };
}

function printCorpus(res: CorpusResults, opts: Options): Target[] {
  log();
  log(`## Engine and parse floor (${res.files.all} files; files/s as median (min–max) of ${opts.rounds} warm rounds after ${res.warmups} warm-up passes, and ${opts.cold} cold processes)`);
  log();
  const gc = (c: Contender) => fmt(res.warm.gcMs[c], 0);
  const rows: (string | number)[][] = [
    ["engine, full catalogue, warm (the server's case)", fmt(res.warm.engine), fmt(res.warm.engineOverFloor), fmt(res.warm.engineOverFloorCpu), gc("engine")],
    ["parse floor: our parsers, warm", fmt(res.warm.floor), "1", "1", gc("floor")],
  ];
  if (res.warm.libfloor.n) rows.push(["dockerfile-ast + yaml alone, warm", fmt(res.warm.libfloor), `(engine / this: ${fmt(res.warm.engineOverLibfloor)})`, "", gc("libfloor")]);
  if (res.warm.shellfloor.n) rows.push(["our parsers + every RUN's shell parse, warm", fmt(res.warm.shellfloor), `(engine / this: ${fmt(res.warm.engineOverShellfloor)})`, "", gc("shellfloor")]);
  rows.push(
    ["engine, cold (first pass of a fresh process)", fmt(res.cold.engine), fmt(res.cold.ratio), "", ""],
    ["parse floor, cold", fmt(res.cold.floor), "", "", ""],
    [`engine on the Compose files alone (${res.files.peerCompose}, dclint's set)`, fmt(res.warm.engineCompose), "", "", ""],
    [
      `parse floor on the same Compose files${res.warm.dclintOverFloorCompose.n ? ` (dclint / this: ${fmt(res.warm.dclintOverFloorCompose)}, the most rules costing nothing could give)` : ""}`,
      fmt(res.warm.floorCompose),
      "",
      "",
      "",
    ],
    [`engine on the Dockerfiles alone (${res.files.dockerfile})`, fmt(res.warm.engineDockerfile), "", "", ""],
  );
  log(table(["measure", "files/s", "engine / floor, wall time", "engine / floor, CPU time", "GC ms per pass"], rows));
  log();
  log(
    `Engine process: modules loaded in ${res.loadMs.toFixed(0)} ms; peak RSS ${res.engineAloneMaxRssMiB.toFixed(1)} MiB in a process that runs only the engine (${res.warmups + opts.rounds} passes) under ${AUDIT_THREAD_HEAP}, ${res.engineAloneDefaultHeapMaxRssMiB === null ? "(with Node's default heap: full run only)" : `${res.engineAloneDefaultHeapMaxRssMiB.toFixed(1)} MiB in the same with Node's default heap for this host`}, ${res.maxRssMiB.toFixed(1)} MiB in the warm process that also runs the floors, ${res.cold.maxRssMiB.toFixed(1)} MiB in a cold process after its one pass (the parse floor's cold process: ${res.cold.floorMaxRssMiB.toFixed(1)} MiB); ${res.findings} findings per pass${res.ruleFailures ? `, ${res.ruleFailures} rule failures` : ""}.`,
  );
  if (res.withShellcheck) {
    const { engine, shellcheck } = res.withShellcheck;
    log(
      `With the ShellCheck binary on every RUN script (as the CLI and the server run it, cold cache): ${perSecond(shellcheck).toFixed(1)} Dockerfiles/s against ${perSecond(engine).toFixed(1)} without, ${(shellcheck.ms / engine.ms).toFixed(1)} x the time (one pass each).`,
    );
  }
  if (res.peers.length) {
    log();
    log("## Peers (each in one process over the whole set; peer / engine = time per file, pair by pair)");
    log();
    log(
      table(
        ["peer", "files", "files/s", "peer / engine, wall", "peer / engine, CPU", "peak RSS MiB"],
        res.peers.map((p) => [
          `${p.name} ${p.version} (${p.target === "compose" ? "Compose files" : "Dockerfiles"})`,
          p.files,
          p.error ? `failed: ${p.error}` : fmt(p.filesPerS),
          fmt(p.overEngine),
          fmt(p.overEngineCpu),
          p.maxRssMiB?.toFixed(0) ?? "–",
        ]),
      ),
    );
    for (const p of res.peers) for (const [file, why] of p.excluded) log(`- ${p.name} crashed on ${file} (${why}); measured without it.`);
  }
  const dclint = res.peers.find((p) => p.name === "dclint");
  return [
    checkTarget("engine wall time <= 1.5 x parse floor (warm, median of pairs)", res.warm.engineOverFloor.median, "<=", 1.5, "x"),
    checkTarget("engine wall time <= 1.5 x parse floor (cold, median of pairs)", res.cold.ratio.median, "<=", 1.5, "x"),
    checkTarget(`engine process peak RSS <= 150 MiB (engine passes only, warm, ${AUDIT_THREAD_HEAP})`, res.engineAloneMaxRssMiB, "<=", 150, "MiB"),
    checkTarget("throughput >= 20 x dclint's on the Compose files (median of pairs)", dclint?.overEngine?.median ?? null, ">=", 20, "x"),
  ];
}

/* ------------------------------------------------------------------ main ------------------------ */

function machine(): string {
  const cpus = os.cpus();
  return `${os.availableParallelism()} CPUs (${cpus[0]?.model.trim() ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}, load average ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  log(`# dockaudit benchmark${opts.quick ? " (--quick)" : ""}`);
  log(`Machine: ${machine()}`);

  const targets: Target[] = [];
  const corpus = opts.corpusPart ? await corpusPart(opts) : (log("Engine and peers skipped (--no-corpus)."), null);
  if (corpus) targets.push(...printCorpus(corpus, opts));

  let app: Awaited<ReturnType<typeof appPart>> = null;
  if (opts.app) app = await appPart(opts);
  else log("\nPR-run cost skipped (--no-app).");
  if (app) targets.push(...app.targets);

  log();
  log("## Targets");
  log();
  log(table(["target", "measured", "result"], targets.map((t) => [t.name, t.measured, t.result])));
  log();
  log(`Finished in ${((Date.now() - started) / 1000).toFixed(1)} s; load average now ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}.`);
  const dclint = corpus?.peers.find((p) => p.name === "dclint");
  const summary = {
    engine_files_per_s: round(corpus?.warm.engine.median, 1),
    floor_files_per_s: round(corpus?.warm.floor.median, 1),
    engine_over_floor: round(corpus?.warm.engineOverFloor.median, 3),
    dclint_over_engine: round(dclint?.overEngine?.median, 1),
    requests_per_run_20_files: app?.summary.requests_per_run_20_files ?? null,
    latency_ms_20_files_100ms_rtt: app?.summary.latency_ms_20_files_100ms_rtt ?? null,
    webhook_ack_ms: app?.summary.webhook_ack_ms ?? null,
    rss_mib_3000_files: app?.summary.rss_mib_3000_files ?? null,
  };
  log(JSON.stringify(summary));
}

/* ------------------------------------------------------------------ the PR-run part ----------- */

interface AppSummary {
  requests_per_run_20_files: number | null;
  latency_ms_20_files_100ms_rtt: number | null;
  webhook_ack_ms: number | null;
  rss_mib_3000_files: number | null;
}

async function appPart(opts: Options): Promise<{ summary: AppSummary; targets: Target[] } | null> {
  const server = join(repoRoot(), "dist", "src", "app", "server.js");
  if (!existsSync(server)) {
    log(`\nPR-run cost: not measured: the app's server (${server}) is not built.`);
    return null;
  }
  try {
    const { prRunPart } = await import("./pr-run.js");
    return (await prRunPart({ quick: opts.quick, log })) as { summary: AppSummary; targets: Target[] } | null;
  } catch (e) {
    log(`\nPR-run cost: not measured: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return null;
  }
}

main().catch((e) => {
  if (e instanceof UsageError) {
    process.stderr.write(`npm run bench: ${e.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`benchmark failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
