import { commandsByRun } from "./cache-cleanup.js";
import { subcommandOf } from "./package-managers.js";
import type { DfInstruction, DockerfileModel } from "./parse/dockerfile.js";
import { isCmd, readsScript } from "./parse/script-shell.js";
import type { ShellCommand, ShellWord } from "./parse/shell.js";
import type { ToolCommand } from "./pinning.js";
import { comparePos } from "./text.js";
import type { Fix, Position } from "./types.js";

/** What may follow the script's last command on its line: blanks, one `;`, a shell comment. */
const TAIL = /^[ \t]*(;[ \t]*)?(#[^\n]*)?$/;
/** Commands after which an appended `&& …` would never run. */
const LEAVES = new Set(["exit", "exec", "return"]);

/**
 * A fix that runs `command` at the end of a shell-form RUN's script, as `… && command`, written
 * right after the script's last command (before a trailing `;` or comment). `&&` after the last
 * command keeps the RUN's outcome: `command` runs only when the script would have succeeded, and
 * the list it ends (`a || b && c` is `(a || b) && c`) keeps its status.
 *
 * Null unless the script is a plain POSIX shell script whose last command ends it: not for exec
 * form, heredocs, ONBUILD triggers, cmd or PowerShell, nor when the script ends in a compound
 * command (`fi`, `done`, `)`), a redirection, `&`, a line continuation, or can leave early
 * (`exit`, `exec`).
 */
export function appendToRun(model: DockerfileModel, ins: DfInstruction, command: string, description: string): Fix | null {
  const script = ins.script;
  if (ins.keyword !== "RUN" || ins.execForm || ins.heredocs.length || !script || script.error || !script.commands.length) return null;
  if (!readsScript(ins.shellName) || isCmd(ins.shellName) || !model.instructions.includes(ins)) return null;
  if (script.commands.some((c) => LEAVES.has(c.name))) return null;
  const end = scriptEnd(script);
  const tail = model.text.slice(model.index.offset(end), model.index.offset(ins.range.end));
  if (!TAIL.test(tail)) return null;
  return { description, edits: [{ range: { start: end, end }, text: ` && ${command}` }] };
}

/** Where a parsed script's last command ends (the script must hold one). */
export function scriptEnd(script: { commands: readonly ShellCommand[] }): Position {
  let end: Position = script.commands[0].range.end;
  for (const c of script.commands) if (comparePos(c.range.end, end) > 0) end = c.range.end;
  return end;
}

/** True when `command` was run as written, not through a wrapper such as `sudo` or `env` that the tool was unwrapped from. */
export function runsUnwrapped(ins: DfInstruction, command: ShellCommand): boolean {
  return !!ins.script?.commands.some((c) => c.nameWord === command.nameWord);
}

/** The commands of the RUNs after `ins` in the file, ONBUILD triggers included. */
export function laterRunCommands(model: DockerfileModel, ins: DfInstruction): ToolCommand[] {
  const out: ToolCommand[] = [];
  for (const [later, commands] of commandsByRun(model)) if (comparePos(later.range.start, ins.range.end) > 0) out.push(...commands);
  return out;
}

/**
 * The fix of a package manager's missing cache clean-up: `cleanup` appended to the RUN of the
 * install. Only for an install run as written (not through `sudo`: the user may not clean the
 * cache itself) whose `word` is its subcommand (or its name, for a bare `yarn`), that `keeps`
 * nothing in the cache on purpose (`--downloadonly`), and when no later RUN `needs` the cache.
 */
export function cleanupFix(
  model: DockerfileModel,
  ins: DfInstruction,
  install: { command: ShellCommand; word: ShellWord },
  cleanup: string,
  guards: { keeps: (c: ShellCommand) => boolean; needs: (c: ToolCommand) => boolean },
): Fix | null {
  const { command, word } = install;
  if (!runsUnwrapped(ins, command) || (word !== command.nameWord && subcommandOf(command) !== word) || guards.keeps(command)) return null;
  if (laterRunCommands(model, ins).some(guards.needs)) return null;
  return appendToRun(model, ins, cleanup, `Add ${cleanup}`);
}
