import { execShellScript, execWords } from "../../src/engine/execform.js";
import type { DfInstruction, DfStage } from "../../src/engine/parse/dockerfile.js";
import type { ShellCommand, ShellScript } from "../../src/engine/parse/shell.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { shellDialect } from "../../src/engine/shell-dialect.js";
import { baseImageRef } from "../../src/engine/image-refs.js";
import { officialShPipefail } from "../../src/engine/official-images.js";
import { comparePos } from "../../src/engine/text.js";
import type { Fix, Range } from "../../src/engine/types.js";

export default defineDockerfileRule({
  meta: {
    id: "pipefail-missing",
    code: "DF316",
    category: "reliability",
    severity: "warning",
    description: "A RUN pipes commands without `-o pipefail`, so a failure on the left of the pipe is ignored.",
    aliases: ["DL4006", "kics:efbf148a-67e9-42d2-ac47-02fa1c0d0b22"],
    fixable: true,
    messages: {
      pipe: "This pipeline's exit status is only that of its last command, so a failing download or build step on the left of `|` lets the build continue with broken output. Use `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` before it, or start the RUN with `set -o pipefail &&` where /bin/sh knows that option (bash, busybox ash, the dash of Debian 13 and Ubuntu 25.04 on; not the dash of earlier Debian and Ubuntu releases).",
      execPipe: "This exec-form RUN starts `{{program}}` without a shell, so `|` reaches it as an argument and nothing is piped. Write the RUN in shell form (with `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]`), or run `[\"/bin/bash\", \"-o\", \"pipefail\", \"-c\", \"…\"]`.",
    },
  },
  check({ model, report }) {
    const shellAfter = new Map<DfStage, string[] | null>();
    for (const stage of model.stages) {
      let shell = stage.baseStage ? shellAfter.get(stage.baseStage) ?? null : null;
      for (const ins of stage.instructions) {
        if (ins.keyword === "SHELL" && ins.execForm) shell = ins.execForm;
        const run = ins.keyword === "RUN" ? ins : ins.trigger?.keyword === "RUN" ? ins.trigger : null;
        if (!run) continue;
        const pipe = unprotectedPipe(model, run, shell);
        if (pipe) report({ messageId: "pipe", range: pipe, fix: pipefailFix(model, stage, ins, shell) ?? undefined });
        const bar = pipe ? null : execFormBar(model, run);
        if (bar) report({ messageId: "execPipe", data: { program: bar.program }, range: bar.range });
      }
      shellAfter.set(stage, shell);
    }
  },
});

function unprotectedPipe(model: Parameters<typeof execShellScript>[0], run: DfInstruction, shell: string[] | null): Range | null {
  let script: ShellScript | null = null;
  let options: string[] = shell ? shell.slice(1) : [];
  if (run.execForm) {
    const inner = execShellScript(model, run);
    if (!inner) return null;
    script = inner.script;
    options = inner.options;
  } else {
    // cmd and PowerShell (also the default shell of Windows images) have no pipefail.
    script = shellDialect(model, run) ? run.script : null;
  }
  if (!script || script.error || !script.pipes.length || setsPipefail(options)) return null;
  const setAt = script.commands.find((c) => c.name === "set" && setsPipefail(c.args.map((a) => a.value)));
  // Commands in source order, to find those inside a pipeline by binary search.
  const commands = [...script.commands].sort((a, b) => comparePos(a.range.start, b.range.start));
  for (const pipe of script.pipes.slice(0, MAX_PIPES)) {
    if (setAt && before(setAt.range.start, pipe.start)) continue;
    const inside: ShellCommand[] = [];
    for (let i = firstAtOrAfter(commands, pipe.start); i < commands.length && !before(pipe.end, commands[i].range.start) && inside.length < 1000; i++) {
      if (!before(pipe.end, commands[i].range.end)) inside.push(commands[i]);
    }
    // `yes | cmd` only works without pipefail (yes always dies of SIGPIPE); `echo "$sum  f" | sha256sum -c`
    // cannot hide a failure, because echo and printf do not fail. Commands substituted into their
    // words (`echo "$(dpkg --print-architecture)" | tee`) are not members of the pipeline: their
    // status is lost before echo runs, with or without pipefail.
    const members = inside.filter((c) => !inside.some((o) => o !== c && !before(c.range.start, o.range.start) && !before(o.range.end, c.range.end)));
    if (members[0]?.name === "yes" || (members.length > 1 && members.slice(0, -1).every((c) => c.name === "echo" || c.name === "printf"))) continue;
    return pipe;
  }
  return null;
}

/**
 * A `"|"` element of an exec-form RUN that runs no shell script (`["/bin/bash", "./a", "|", "./b"]`):
 * the author meant a pipeline, which hadolint's DL4006 reports too.
 */
function execFormBar(model: Parameters<typeof execShellScript>[0], run: DfInstruction): { program: string; range: Range } | null {
  if (!run.execForm?.includes("|") || execShellScript(model, run)) return null;
  const words = execWords(model, run);
  const bar = words?.find((w, i) => i > 0 && w.value === "|");
  return words && bar ? { program: words[0].value, range: bar.range } : null;
}

/**
 * `set -o pipefail && ` written before the RUN's script, as Docker's best practices write it. Only
 * where the shell that runs it is known to have the option: bash (a SHELL of the stage names it),
 * or /bin/sh is known to be bash (the official images of the Red Hat family: centos, fedora,
 * rockylinux, almalinux, amazonlinux, oraclelinux, amazoncorretto, and UBI, Oracle Linux and
 * Amazon Linux tags of others) or BusyBox ash, the /bin/sh (and /bin/ash) of Alpine images
 * (`alpine` itself or an official image with an `alpine` tag) and of the `busybox` image, or dash
 * where the tag names Debian 13 or Ubuntu 25.04 or later. Not on other Debian and Ubuntu tags,
 * whose dash may not know it (the build would then fail), and not by inserting
 * a SHELL, which would also change the shell of every later RUN, CMD and ENTRYPOINT. An exec-form `["/bin/bash", "-c", "…"]` gets `"-o", "pipefail"` before its `-c`
 * instead. Not for ONBUILD triggers or heredocs, nor when a pipeline of the RUN would
 * start failing by design: one fed by `yes`, one whose reader stops early (`head`, `grep -q`),
 * which kills the writer with SIGPIPE, or one with a `grep` before its last command (a grep that
 * matches nothing exits 1, which the pipeline ignored).
 */
function pipefailFix(model: Parameters<typeof execShellScript>[0], stage: DfStage, run: DfInstruction, shell: string[] | null): Fix | null {
  if (run.keyword !== "RUN" || run.heredocs.length || !run.args.length || !model.instructions.includes(run)) return null;
  let script = run.script;
  let at = run.args[0].range.start;
  let text = "set -o pipefail && ";
  if (run.execForm) {
    // `["/bin/bash", "-c", "a | b"]` names its shell: the options go before its `-c`.
    const words = execWords(model, run);
    const c = words?.findIndex((w, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(w.value)) ?? -1;
    if (!words || c < 0 || words[0].value.replace(/^.*\//, "") !== "bash") return null;
    script = execShellScript(model, run)?.script ?? null;
    at = words[c].range.start;
    text = '"-o", "pipefail", ';
  } else if (!knowsPipefail(model, stage, shell)) return null;
  if (!script || script.error || script.pipes.length > MAX_PIPES) return null;
  if (script.commands.some((c) => c.name === "set" && c.args.some((a) => /^\+[a-zA-Z]*o$/.test(a.value)))) return null;
  const commands = [...script.commands].sort((a, b) => comparePos(a.range.start, b.range.start));
  for (const pipe of script.pipes) {
    const inside = commands.filter((c) => !before(c.range.start, pipe.start) && !before(pipe.end, c.range.end));
    if (inside[0]?.name === "yes" || inside.slice(1).some(readsPartly) || inside.slice(0, -1).some((c) => GREPS.includes(c.name))) return null;
  }
  return { description: "Set pipefail for the RUN", edits: [{ range: { start: at, end: at }, text }] };
}

function knowsPipefail(model: Parameters<typeof execShellScript>[0], stage: DfStage, shell: string[] | null): boolean {
  const program = shell?.[0]?.replace(/^.*\//, "");
  if (program === "bash") return true;
  if (shell && program !== "sh" && program !== "ash") return false;
  const ref = baseImageRef(model, stage);
  return !!ref && officialShPipefail(ref) === true;
}

const GREPS = ["grep", "egrep", "fgrep"];

/** A reader that may stop before the end of its input, so that pipefail fails the pipeline on the writer's SIGPIPE. */
function readsPartly(c: ShellCommand): boolean {
  if (c.name === "head") return true;
  if (!GREPS.includes(c.name)) return false;
  return c.args.some((a) => /^-[a-zA-Z]*[qlLm]/.test(a.value) || /^--(quiet|silent|max-count|files-with(out)?-match)/.test(a.value));
}

/** `-o pipefail`, also in bundles such as `-euxo pipefail`. */
function setsPipefail(args: string[]): boolean {
  return args.some((a, i) => (/^-[a-zA-Z]*o$/.test(a) && args[i + 1] === "pipefail") || a === "-opipefail");
}

const before = (a: { line: number; column: number }, b: { line: number; column: number }) => a.line < b.line || (a.line === b.line && a.column < b.column);

/** Pipelines judged per RUN: enough for any real script, bounded for generated ones. */
const MAX_PIPES = 200;

function firstAtOrAfter(commands: ShellCommand[], pos: { line: number; column: number }): number {
  let lo = 0;
  let hi = commands.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(commands[mid].range.start, pos)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
