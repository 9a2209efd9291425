import type { DependencyInstall } from "./dependency-installs.js";
import type { ShellCommand } from "./parse/shell.js";
import type { PackageInstall, ToolCommand } from "./pinning.js";

/**
 * What the command helpers worked out about one shell command, kept with the command so that the
 * rules asking about the same command (a dozen per RUN) share one answer. One weak table for all
 * of them: a command lives as long as its model, and one table grows and is swept once, not four.
 */
export interface CommandFacts {
  /** unwrapCommand */
  unwrapped: ShellCommand | undefined;
  /** toolCommand */
  tool: ToolCommand | undefined;
  /** packageInstall (null: not an install) */
  install: PackageInstall | null | undefined;
  /** dependencyInstall (null: not a dependency install) */
  dependency: DependencyInstall | null | undefined;
}

const facts = new WeakMap<ShellCommand, CommandFacts>();

export function factsOf(c: ShellCommand): CommandFacts {
  let f = facts.get(c);
  if (!f) facts.set(c, (f = { unwrapped: undefined, tool: undefined, install: undefined, dependency: undefined }));
  return f;
}
