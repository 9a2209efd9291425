import { joinContinuations, SHELL_LIMITS, type DfInstruction, type DockerfileModel } from "./parse/dockerfile.js";
import { parseShell, type ShellCommand, type ShellScript, type ShellWord } from "./parse/shell.js";
import { instructionsNamed } from "./instruction-index.js";
import { memo } from "./memo.js";

/** One element of a JSON (exec) form array with the range of its quoted token in the file. */
export interface ExecWord extends ShellWord {
  /** True when the token holds JSON escapes, so its content is not the text between the quotes. */
  escaped: boolean;
}

const SHELLS = /(^|\/)(sh|bash|ash|dash|ksh|mksh|zsh|busybox)$/;

/**
 * The elements of an exec-form instruction (`RUN ["apt-get", "install", "x"]`) with their ranges,
 * found by scanning the string tokens of the JSON array. null for shell form.
 */
export function execWords(model: DockerfileModel, ins: DfInstruction): ExecWord[] | null {
  if (!ins.execForm || !ins.args.length) return null;
  return scanWords(model, model.index.offset(ins.args[0].range.start), model.index.offset(ins.range.end), ins.execForm);
}

/**
 * The elements of the exec-form command of `HEALTHCHECK [options] CMD ["curl", "-f", "…"]` with
 * their ranges. null for `HEALTHCHECK NONE`, a shell-form command, or text that is not a JSON
 * array of strings (Docker runs that as a shell command).
 */
export function healthcheckExecWords(model: DockerfileModel, ins: DfInstruction): ExecWord[] | null {
  if (ins.keyword !== "HEALTHCHECK" || ins.args.length < 2 || ins.args[0].value.toUpperCase() !== "CMD") return null;
  const start = model.index.offset(ins.args[1].range.start);
  const end = model.index.offset(ins.range.end);
  const joined = joinContinuations(model.text.slice(start, end), model.escape).trim();
  if (!joined.startsWith("[")) return null;
  let values: unknown;
  try {
    values = JSON.parse(joined);
  } catch {
    return null;
  }
  if (!Array.isArray(values) || !values.length || !values.every((v) => typeof v === "string")) return null;
  return scanWords(model, start, end, values as string[]);
}

/** The quoted tokens from `from` to `end`, one per element of `values` (the array they spell). */
function scanWords(model: DockerfileModel, from: number, end: number, values: readonly string[]): ExecWord[] | null {
  const text = model.text;
  const words: ExecWord[] = [];
  let i = from;
  while (i < end && words.length < values.length) {
    if (text[i] === "\n") {
      i = afterDroppedLines(text, i, end) + 1;
      continue;
    }
    if (text[i] !== '"') {
      i++;
      continue;
    }
    const start = i++;
    let escaped = false;
    while (i < end && text[i] !== '"') {
      // A line continuation inside the string: its content is not the text between the quotes.
      if (text[i] === "\n") {
        escaped = true;
        i = afterDroppedLines(text, i, end) + 1;
        continue;
      }
      if (text[i] === "\\") {
        escaped = true;
        i++;
        if (text[i] === "\r" || text[i] === "\n") continue;
      }
      i++;
    }
    i++;
    const value = values[words.length];
    words.push({ value, raw: text.slice(start, i), range: model.index.range(start, i), dynamic: value.includes("$"), escaped });
  }
  return words.length === values.length ? words : null;
}

/**
 * The line break ending the comment lines that follow the line break at `nl`: Docker drops comment
 * lines inside a line continuation, so their quotes are no tokens of the array.
 */
function afterDroppedLines(text: string, nl: number, end: number): number {
  for (;;) {
    let j = nl + 1;
    while (j < end && (text[j] === " " || text[j] === "\t")) j++;
    if (text[j] !== "#") return nl;
    const next = text.indexOf("\n", j);
    if (next < 0 || next >= end) return end;
    nl = next;
  }
}

/**
 * An exec-form RUN seen as the command it runs. An executable written with spaces
 * (`["sudo yum", "install", "x"]`, which Docker cannot start) is read as the command line its
 * author meant, so that the rules about that command still apply.
 */
export function execCommand(model: DockerfileModel, ins: DfInstruction): ShellCommand | null {
  const words = execWords(model, ins);
  if (!words?.length) return null;
  const first = words[0];
  const split = /\s/.test(first.value.trim()) && !/[\\/]/.test(first.value) ? first.value.trim().split(/\s+/) : [first.value];
  const all: ShellWord[] = [...split.map((value) => ({ ...first, value })), ...words.slice(1)];
  const range = { start: first.range.start, end: words[words.length - 1].range.end };
  return { name: all[0].value, nameWord: all[0], args: all.slice(1), assigns: [], range };
}

/**
 * The script of an exec-form `["/bin/bash", "-o", "pipefail", "-c", "<script>"]`, parsed with
 * ranges in the file (null when the script holds JSON escapes, whose offsets would not line up),
 * and the shell options given before `-c`.
 */
export function execShellScript(model: DockerfileModel, ins: DfInstruction): { script: ShellScript; options: string[] } | null {
  return memo(execScripts, ins, () => parseExecShellScript(model, ins));
}

/** Exec-form scripts parsed once per instruction, however many rules ask. */
const execScripts = new WeakMap<DfInstruction, { script: ShellScript; options: string[] } | null>();

function parseExecShellScript(model: DockerfileModel, ins: DfInstruction): { script: ShellScript; options: string[] } | null {
  const words = execWords(model, ins);
  if (!words || words.length < 3 || !SHELLS.test(words[0].value)) return null;
  const c = words.findIndex((w, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(w.value));
  const body = words[c + 1];
  if (c < 0 || !body || body.escaped) return null;
  const options = words.slice(1, c + 1).map((w) => w.value);
  // Held to the shell-form limit: the parser is superlinear on some long inputs.
  if (body.value.length > SHELL_LIMITS.maxScriptChars) return { script: { commands: [], pipes: [] }, options };
  const script = parseShell(body.value, model.index.offset(body.range.start) + 1, model.index);
  return { script, options };
}

/**
 * Every simple command a RUN executes: the shell-form script's commands, an exec-form command
 * itself, and the commands of an exec-form `sh -c` script. ONBUILD triggers are included.
 */
export function allRunCommands(model: DockerfileModel): readonly RunCommand[] {
  return memo(runCommandsByModel, model, collectRunCommands);
}

export interface RunCommand {
  readonly instruction: DfInstruction;
  readonly command: ShellCommand;
}

/** Listed once per model: a dozen rules walk them. */
const runCommandsByModel = new WeakMap<DockerfileModel, readonly RunCommand[]>();

function collectRunCommands(model: DockerfileModel): RunCommand[] {
  const out: RunCommand[] = [];
  for (const instruction of instructionsNamed(model, "RUN")) {
    if (!instruction.execForm) {
      for (const command of instruction.script?.commands ?? []) out.push({ instruction, command });
      continue;
    }
    const inner = execShellScript(model, instruction);
    if (inner) {
      for (const command of inner.script.commands) out.push({ instruction, command });
      continue;
    }
    const command = execCommand(model, instruction);
    if (command) out.push({ instruction, command });
  }
  return out;
}
