import { gunicornThreaded } from "../../src/engine/app-servers.js";
import { execShellScript, execWords } from "../../src/engine/execform.js";
import type { DfInstruction, DfStage, DockerfileModel } from "../../src/engine/parse/dockerfile.js";
import type { ShellWord } from "../../src/engine/parse/shell.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { chainInstructions, isDevDockerfile, isDevStage, productionStages, runsDevServer, stageChain } from "../../src/engine/stage-roles.js";

const base = (v: string) => v.slice(v.lastIndexOf("/") + 1);
const WORKERS_ENV = new Set(["WEB_CONCURRENCY", "UVICORN_WORKERS", "GUNICORN_CMD_ARGS"]);

/** Command lines of a CMD or ENTRYPOINT: exec-form words (or its `sh -c` script), or the shell-form commands. */
function commandLines(model: DockerfileModel, ins: DfInstruction): ShellWord[][] {
  if (ins.execForm) {
    const inner = execShellScript(model, ins);
    if (inner) return inner.script.commands.map((c) => [c.nameWord, ...c.args]);
    return [execWords(model, ins) ?? []];
  }
  return (ins.script?.commands ?? []).map((c) => [c.nameWord, ...c.args]);
}

/** The `uvicorn`/`gunicorn` word of a command line and the arguments after it. */
function server(line: ShellWord[]): { word: ShellWord; name: string; args: ShellWord[] } | null {
  for (let i = 0; i < line.length; i++) {
    const name = base(line[i].value);
    if (name === "uvicorn" || name === "gunicorn") return { word: line[i], name, args: line.slice(i + 1) };
    if (/^python[0-9.]*$/.test(name) && line[i + 1]?.value === "-m" && /^(uvicorn|gunicorn)$/.test(line[i + 2]?.value ?? "")) {
      return { word: line[i + 2], name: line[i + 2].value, args: line.slice(i + 3) };
    }
  }
  return null;
}

export default defineDockerfileRule({
  meta: {
    id: "single-worker-server",
    code: "DF215",
    category: "efficiency",
    severity: "info",
    description: "The production command runs uvicorn without `--workers` (or gunicorn with one worker).",
    aliases: [],
    messages: {
      uvicorn: "`uvicorn` without `--workers` runs a single process, so one CPU-bound request or crash stalls the whole service; set `--workers` (about one per CPU), run it under gunicorn with UvicornWorker, or scale with replicas.",
      one: "`{{name}}` is started with a single worker, so one slow request or crash stalls the whole service; raise the worker count (about one per CPU) or scale with replicas.",
    },
  },
  check({ model, project, report }) {
    if (isDevDockerfile(model.path)) return;
    const stages = new Set<DfStage>(productionStages(model, project));
    for (const s of model.stages) {
      if (!stageChain(s).some(isDevStage) && !runsDevServer(s) && s.instructions.some((i) => i.keyword === "CMD" || i.keyword === "ENTRYPOINT")) stages.add(s);
    }
    const seen = new Set<string>();
    const key = (w: ShellWord) => `${w.range.start.line}:${w.range.start.column}`;
    for (const stage of stages) {
      const chain = chainInstructions(stage);
      const last = (k: string) => [...chain].reverse().find((i) => i.keyword === k);
      if (chain.some((i) => (i.keyword === "ENV" || i.keyword === "ARG") && i.properties.some((p) => WORKERS_ENV.has(p.name)))) continue;
      const entrypoint = last("ENTRYPOINT");
      const cmd = last("CMD");
      const lines = [...(entrypoint ? commandLines(model, entrypoint) : []), ...(cmd ? commandLines(model, cmd) : [])];
      // exec-form ENTRYPOINT and CMD form one command line
      if (entrypoint?.execForm && cmd?.execForm && !execShellScript(model, entrypoint)) lines.push([...(execWords(model, entrypoint) ?? []), ...(execWords(model, cmd) ?? [])]);
      for (const line of lines) {
        const found = server(line);
        if (!found || seen.has(key(found.word)) || found.args.some((a) => a.value === "--reload" || a.value.startsWith("--reload="))) continue;
        const at = found.args.findIndex((a) => a.value === "--workers" || a.value === "-w" || a.value.startsWith("--workers=") || /^-w\d/.test(a.value));
        const count = at < 0 ? null : found.args[at].value.match(/^(?:--workers=|-w)(\d+)$/)?.[1] ?? found.args[at + 1]?.value ?? null;
        if (count === "1" && !(found.name === "gunicorn" && gunicornThreaded(found.args.map((a) => a.value)))) {
          seen.add(key(found.word));
          const flag = found.args[at];
          const end = /\d$/.test(flag.value) ? flag.range.end : found.args[at + 1].range.end;
          report({ messageId: "one", data: { name: found.name }, range: { start: flag.range.start, end } });
        } else if (at < 0 && found.name === "uvicorn") {
          seen.add(key(found.word));
          report({ messageId: "uvicorn", range: found.word.range });
        }
      }
    }
  },
});
