/**
 * One measuring process for dockaudit itself. It loads the engine once, then runs whatever pass
 * the benchmark asks for, over a named set of corpus files, each pass reading the files from disk:
 *   engine   - read, then `auditFiles` per project with the full catalogue (what the CLI and app do);
 *   floor    - read, then only our parsers (parseDockerfile / parseCompose / parseDockerignore);
 *   libfloor - read, then only the libraries under them (dockerfile-ast, yaml), for reference;
 *   shellcheck - the engine with the ShellCheck binary's checker (a fresh one, empty cache), as the
 *              CLI and the server run it: one process started per new RUN script;
 *   shellfloor - the floor plus the shell parse of every RUN/CMD/ENTRYPOINT (parseShell), which the
 *              engine's parser does lazily, when a rule first asks: for reference.
 * Started with --expose-gc, it empties the young generation before each pass (collect-garbage.ts),
 * and reports the time V8's garbage collections took during each pass.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { collectYoungGarbage } from "./collect-garbage.js";
import { watchCollections } from "./gc-time.js";
import { serve, type Request } from "./ipc.js";
import { groupByProject, type CorpusFile } from "./corpus.js";

const t0 = performance.now();
const { auditFiles } = await import("../src/audit.js");
const { createShellchecker } = await import("../src/shellcheck.js");
const { parseDockerfile } = await import("../src/engine/parse/dockerfile.js");
const { parseCompose } = await import("../src/engine/parse/compose.js");
const { parseDockerignore } = await import("../src/engine/parse/dockerignore.js");
const { DockerfileParser } = await import("dockerfile-ast");
const { parseDocument, LineCounter } = await import("yaml");
const loadMs = performance.now() - t0;

let corpus: CorpusFile[] = [];
const sets = new Map<string, CorpusFile[]>();
/** Every path of each project: the `tree` the app would pass (it lists the repository at head). */
const trees = new Map<string, string[]>();

function enginePass(files: CorpusFile[], withShellcheck = false): { findings: number; ruleFailures: number } {
  let findings = 0;
  let ruleFailures = 0;
  const shellcheck = withShellcheck ? createShellchecker() : undefined;
  for (const [project, group] of groupByProject(files)) {
    const input = group.map((f) => ({ path: f.path, content: readFileSync(f.abs, "utf8") }));
    const report = auditFiles(input, { tree: trees.get(project), shellcheck });
    findings += report.findings.length;
    for (const f of report.findings) if (f.ruleId === "rule-failed") ruleFailures++;
  }
  return { findings, ruleFailures };
}

function floorPass(files: CorpusFile[], withShell = false): { units: number } {
  let units = 0;
  for (const f of files) {
    const text = readFileSync(f.abs, "utf8");
    if (f.kind === "dockerfile") {
      const model = parseDockerfile(f.path, text);
      units += model.instructions.length;
      if (withShell) for (const ins of model.instructions) units += ins.script?.commands.length ?? 0;
    }
    else if (f.kind === "compose") units += parseCompose(f.path, text).services.length;
    else units += parseDockerignore(f.path, text).patterns.length;
  }
  return { units };
}

function libFloorPass(files: CorpusFile[]): { units: number } {
  let units = 0;
  for (const f of files) {
    const text = readFileSync(f.abs, "utf8");
    if (f.kind === "dockerfile") units += DockerfileParser.parse(text).getInstructions().length;
    else if (f.kind === "compose") units += parseDocument(text, { lineCounter: new LineCounter(), merge: true }).errors.length + 1;
    else units += text.split("\n").length;
  }
  return { units };
}

function maxRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

const collections = watchCollections();

const passes = new Map<unknown, (files: CorpusFile[]) => object>([
  ["engine", (files) => enginePass(files)],
  ["shellcheck", (files) => enginePass(files, true)],
  ["floor", (files) => floorPass(files)],
  ["shellfloor", (files) => floorPass(files, true)],
  ["libfloor", libFloorPass],
]);

serve(async (req: Request) => {
  switch (req.cmd) {
    case "init": {
      corpus = req.corpus as CorpusFile[];
      for (const [name, paths] of Object.entries(req.sets as Record<string, number[]>)) sets.set(name, paths.map((i) => corpus[i]));
      for (const [project, group] of groupByProject(corpus)) trees.set(project, group.map((f) => f.path));
      return { loadMs, pid: process.pid };
    }
    case "pass": {
      const files = sets.get(req.set as string);
      if (!files) throw new Error(`unknown set ${String(req.set)}`);
      const pass = passes.get(req.what);
      if (!pass) throw new Error(`unknown pass ${String(req.what)}`);
      collectYoungGarbage();
      const cpu0 = process.cpuUsage();
      const start = performance.now();
      const detail = pass(files);
      const end = performance.now();
      const cpu = process.cpuUsage(cpu0);
      return { ms: end - start, cpuMs: (cpu.user + cpu.system) / 1000, gcMs: await collections.msBetween(start, end), files: files.length, ...detail, maxRssMiB: maxRssMiB() };
    }
    case "stats":
      return { loadMs, maxRssMiB: maxRssMiB(), heapUsedMiB: process.memoryUsage().heapUsed / 2 ** 20 };
    default:
      throw new Error(`unknown command ${req.cmd}`);
  }
});
