import type { DfInstruction, DfStage, DockerfileModel } from "./parse/dockerfile.js";
import type { ShellCommand } from "./parse/shell.js";
import { instructionsNamed } from "./instruction-index.js";
import type { Range } from "./types.js";
import { memo } from "./memo.js";
import { stageChain } from "./stage-roles.js";

/**
 * One program run by a RUN instruction: a simple command of a shell-form RUN, or the program of an
 * exec-form `RUN ["prog", "arg"]` (then `command` is null and `range` covers the JSON array).
 */
export interface Invocation {
  instruction: DfInstruction;
  /** Program name without its directory: `/usr/bin/sudo` → `sudo`. */
  name: string;
  args: string[];
  range: Range;
  command: ShellCommand | null;
}

export function runInvocations(model: DockerfileModel): readonly Invocation[] {
  return memo(invocationsByModel, model, collectInvocations);
}

/** Listed once per model and shared by the rules that ask (they only read them). */
const invocationsByModel = new WeakMap<DockerfileModel, readonly Invocation[]>();

function collectInvocations(model: DockerfileModel): Invocation[] {
  const out: Invocation[] = [];
  for (const instruction of instructionsNamed(model, "RUN")) {
    const exec = instruction.execForm;
    if (exec) {
      if (exec.length && instruction.argsRange) {
        out.push({ instruction, name: baseName(exec[0]), args: exec.slice(1), range: instruction.argsRange, command: null });
      }
      continue;
    }
    for (const command of instruction.script?.commands ?? []) {
      out.push({ instruction, name: baseName(command.name), args: command.args.map((a) => a.value), range: command.range, command });
    }
  }
  return out;
}

const baseName = (name: string): string => name.slice(name.lastIndexOf("/") + 1);

/**
 * True when a short-option word such as `-fsSLk` holds the letter `letter` before any letter that
 * takes a value (after which the rest of the word is that value: in curl's `-ok`, `k` is a file).
 */
export function shortBundleHas(word: string, letter: string, takesValue: string): boolean {
  if (!/^-[A-Za-z0-9]/.test(word) || word.startsWith("--")) return false;
  for (let i = 1; i < word.length; i++) {
    const c = word[i];
    if (c === letter) return true;
    if (takesValue.includes(c)) return false;
  }
  return false;
}

/** The final stage and every stage it is built FROM: the stages whose layers end up in the image. */
export function imageStages(model: DockerfileModel): Set<DfStage> {
  return new Set(model.finalStage ? stageChain(model.finalStage) : []);
}

/** Where pip's own arguments start for `pip …`, `pip3.12 …` or `python -m pip …`; -1 for other programs. */
export function pipArgsStart(inv: Invocation): number {
  if (/^pip[0-9.]*$/.test(inv.name)) return 0;
  if (!/^python[0-9.]*$/.test(inv.name)) return -1;
  const m = inv.args.indexOf("-m");
  return m >= 0 && /^pip[0-9.]*$/.test(inv.args[m + 1] ?? "") ? m + 2 : -1;
}
