import type { ComposeModel, ComposeService } from "./parse/compose.js";
import type { DfInstruction, DfStage, DockerfileModel } from "./parse/dockerfile.js";
import type { ShellCommand, ShellWord } from "./parse/shell.js";

/** Every instruction of the file, ONBUILD triggers included (hadolint checks those too). */
export function* allInstructions(model: DockerfileModel): Iterable<DfInstruction> {
  for (const ins of model.instructions) {
    yield ins;
    if (ins.trigger) yield ins.trigger;
  }
}

export function* instructionsOf(model: DockerfileModel, keyword: string): Iterable<DfInstruction> {
  for (const ins of allInstructions(model)) if (ins.keyword === keyword) yield ins;
}

/** Every simple command of every shell-form RUN, with the instruction it belongs to. */
export function* runCommands(model: DockerfileModel): Iterable<{ instruction: DfInstruction; command: ShellCommand }> {
  for (const instruction of instructionsOf(model, "RUN")) {
    for (const command of instruction.script?.commands ?? []) yield { instruction, command };
  }
}

/** Strips a leading path: `/usr/bin/apt-get` → `apt-get`. */
export const commandName = (c: ShellCommand): string => c.name.slice(c.name.lastIndexOf("/") + 1);

/**
 * True when the command carries any of `flags`. Long flags match `--flag` and `--flag=value`;
 * one-letter flags also match inside a bundle such as `-qy`.
 */
export function hasFlag(c: ShellCommand, ...flags: string[]): boolean {
  return c.args.some((a) => flagMatches(a.value, flags));
}

export function findFlag(c: ShellCommand, ...flags: string[]): ShellWord | undefined {
  return c.args.find((a) => flagMatches(a.value, flags));
}

function flagMatches(arg: string, flags: string[]): boolean {
  if (arg.startsWith("--")) return flags.some((f) => f.startsWith("--") && (arg === f || arg.startsWith(`${f}=`)));
  if (/^-[A-Za-z0-9]+$/.test(arg)) {
    return flags.some((f) => (/^-[A-Za-z0-9]$/.test(f) && arg.includes(f[1])) || arg === f);
  }
  return false;
}

/**
 * Positional arguments of a command after `subcommands` (e.g. `install`), skipping flags and the
 * values of the flags listed in `flagsWithValue`.
 */
export function positionalArgs(c: ShellCommand, subcommands: string[], flagsWithValue: string[] = []): ShellWord[] {
  const out: ShellWord[] = [];
  let seenSub = subcommands.length === 0;
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i];
    if (a.value.startsWith("-")) {
      if (flagsWithValue.includes(a.value)) i++;
      continue;
    }
    if (!seenSub) {
      if (subcommands.includes(a.value)) seenSub = true;
      continue;
    }
    out.push(a);
  }
  return seenSub ? out : [];
}

/** True when the command's first positional argument is one of `subcommands`. */
export function isSubcommand(c: ShellCommand, ...subcommands: string[]): boolean {
  const first = c.args.find((a) => !a.value.startsWith("-"));
  return !!first && subcommands.includes(first.value);
}

export function stageOf(model: DockerfileModel, ins: DfInstruction): DfStage | null {
  return model.stages[ins.stageIndex] ?? null;
}

/** Services of a Compose file that are complete definitions (not override fragments). */
export function fullServices(model: ComposeModel): ComposeService[] {
  return model.services.filter((s) => !s.partial);
}
