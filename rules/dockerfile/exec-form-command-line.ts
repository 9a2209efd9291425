import { commandLine, splitByReceiver, type CommandLine } from "../../src/engine/exec-program.js";
import { execWords, healthcheckExecWords, type ExecWord } from "../../src/engine/execform.js";
import type { DfInstruction, DockerfileModel } from "../../src/engine/parse/dockerfile.js";
import { isWindowsStage } from "../../src/engine/platform.js";
import type { Project } from "../../src/engine/project.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { serviceDefines } from "../../src/engine/service-lifecycle.js";
import { shellDialect } from "../../src/engine/shell-dialect.js";
import { setsEntrypoint, shippedStages } from "../../src/engine/stage-roles.js";
import type { Fix, Position, Range, ReportDescriptor } from "../../src/engine/types.js";

export default defineDockerfileRule({
  meta: {
    id: "exec-form-command-line",
    code: "DF338",
    category: "reliability",
    severity: "error",
    description: "An exec-form RUN, CMD, ENTRYPOINT or HEALTHCHECK gives a whole command line (`[\"npm start\"]`) as its program, which does not exist, or a `HEALTHCHECK CMD NONE` runs a command named NONE.",
    aliases: [],
    fixable: true,
    messages: {
      noneCommand: "`HEALTHCHECK CMD {{written}}` {{how}}, and no such command exists, so every check fails and the container never becomes healthy. To switch the base image's healthcheck off, write `HEALTHCHECK NONE`.",
      commandLine: "Exec form runs `{{program}}` as one program name, spaces included; no such program exists (\"executable file not found in $PATH\"), so {{outcome}}. Put each word in its own element{{hint}}.",
    },
  },
  check({ model, project, report }) {
    const runnable = shippedStages(model, project);
    let cmdUnused: boolean | undefined;
    for (const top of model.instructions) {
      const stage = model.stages[top.stageIndex];
      if (!stage || isWindowsStage(model, stage)) continue;
      const ins = top.trigger ?? top;
      // A CMD, ENTRYPOINT or HEALTHCHECK of a stage that only feeds `COPY --from` never runs.
      if (ins.keyword !== "RUN" && !top.trigger && !runnable.has(stage)) continue;
      if (ins.keyword === "HEALTHCHECK" && reportNone(model, ins, report)) continue;
      const words = ins.keyword === "HEALTHCHECK" ? healthcheckExecWords(model, ins) : ins.keyword === "RUN" || ins.keyword === "ENTRYPOINT" || ins.keyword === "CMD" ? execWords(model, ins) : null;
      const program = words?.[0];
      const line = program ? commandLine(program.value) : null;
      if (!words || !program || !line) continue;
      // An ENTRYPOINT receives the CMD as its arguments (`ENTRYPOINT ["sh", "-c"]` runs `CMD ["npm start"]`);
      // one given `--smp 1` as one argument evidently splits its arguments into words itself.
      if (ins.keyword === "CMD" && ((!top.trigger && setsEntrypoint(stage)) || splitByReceiver(words.slice(1).map((w) => w.value)))) continue;
      if (ins.keyword === "CMD" && !top.trigger && (cmdUnused ??= cmdReplaced(project, model))) continue;
      const shellSyntax = !line.plain && ins.keyword === "HEALTHCHECK" && words.length === 1 && shellDialect(model, ins) !== null;
      report({
        messageId: "commandLine",
        severity: ins.keyword === "CMD" ? "warning" : "error",
        data: { program: program.value, outcome: OUTCOME[ins.keyword], hint: shellSyntax ? ", or write the check in shell form to keep its shell syntax" : "" },
        range: program.range,
        fix: fixOf(model, ins, words, line, shellSyntax),
      });
    }
  },
});

const OUTCOME: Record<string, string> = {
  RUN: "the build step fails",
  CMD: "the container fails to start (unless the image's ENTRYPOINT reads it as arguments)",
  ENTRYPOINT: "the container fails to start",
  HEALTHCHECK: "every check fails and the container never becomes healthy",
};

/**
 * `HEALTHCHECK CMD NONE` is the check `["CMD-SHELL", "NONE"]` and `HEALTHCHECK CMD ["NONE"]` runs a
 * program named NONE: only `HEALTHCHECK NONE` switches the check off.
 */
function reportNone(model: DockerfileModel, ins: DfInstruction, report: (d: ReportDescriptor) => void): boolean {
  if (ins.args[0]?.value.toUpperCase() !== "CMD") return false;
  const exec = healthcheckExecWords(model, ins);
  const isNone = (v: string | undefined) => v?.trim().toUpperCase() === "NONE";
  let range: Range;
  let end: Position | null;
  let how: string;
  if (exec) {
    if (exec.length !== 1 || !isNone(exec[0].value)) return false;
    range = exec[0].range;
    end = exec[0].escaped ? null : lastBracket(model, exec[0]);
    how = `runs a program named \`${exec[0].value}\``;
  } else {
    if (ins.args.length !== 2 || !isNone(ins.args[1].value)) return false;
    range = ins.args[1].range;
    end = range.end;
    how = `runs \`${ins.args[1].value}\` with the shell (\`/bin/sh -c ${ins.args[1].value}\`)`;
  }
  const start = ins.args[0].range.start;
  // `HEALTHCHECK NONE` takes no options: with some, what was meant for them is not known.
  const fix: Fix | undefined = !ins.flags.length && end && end.line === start.line ? { description: "Switch the healthcheck off (HEALTHCHECK NONE)", edits: [{ range: { start, end }, text: "NONE" }] } : undefined;
  report({ messageId: "noneCommand", data: { written: exec ? `[${model.index.slice(range)}]` : model.index.slice(range), how }, range, fix });
  return true;
}

/**
 * True when every Compose service that builds the file sets a non-empty `entrypoint:` or `command:`:
 * the image's CMD never runs (Compose clears it when `entrypoint` is set, and `command` replaces it).
 */
function cmdReplaced(project: Project, model: DockerfileModel): boolean {
  const services = project.servicesBuilding(model.path);
  return services.length > 0 && services.every((s) => {
    const file = project.composeFiles.find((f) => f.path === s.composeFile);
    return !!file && serviceDefines(project, file, s.compose, (d) => nonEmpty(d.entrypoint) || nonEmpty(d.command)) === true;
  });
}

const nonEmpty = (v: unknown): boolean => (Array.isArray(v) ? v.length > 0 : typeof v === "string" && v.trim() !== "");

function fixOf(model: DockerfileModel, ins: DfInstruction, words: ExecWord[], line: CommandLine, shellSyntax: boolean): Fix | undefined {
  const program = words[0];
  if (program.escaped) return undefined;
  if (line.plain) {
    const after = words[1] ? model.text.slice(model.index.offset(program.range.end), model.index.offset(words[1].range.start)) : ", ";
    const separator = /^,[ \t]*$/.test(after) ? after : ", ";
    return { description: "Put each word in its own element", edits: [{ range: program.range, text: line.words.map((w) => JSON.stringify(w)).join(separator) }] };
  }
  if (!shellSyntax) return undefined;
  // `HEALTHCHECK CMD <command>` runs the command with the stage's shell, as the exec form cannot.
  const array = ins.args[1].range.start;
  const end = lastBracket(model, program);
  if (end === null || array.line !== end.line) return undefined;
  return { description: "Write the check in shell form", edits: [{ range: { start: array, end }, text: program.value }] };
}

/** The position just after the `]` closing the one-element array whose element is `word`. */
function lastBracket(model: DockerfileModel, word: ExecWord): { line: number; column: number } | null {
  const from = model.index.offset(word.range.end);
  const m = /^[ \t]*\]/.exec(model.text.slice(from));
  return m ? model.index.position(from + m[0].length) : null;
}
