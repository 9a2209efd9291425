import { allRunCommands } from "./execform.js";
import type { DfInstruction, DockerfileModel } from "./parse/dockerfile.js";
import type { ShellCommand, ShellWord } from "./parse/shell.js";
import { toolCommand, type ToolCommand } from "./pinning.js";
import type { Project } from "./project.js";
import { hasCacheMount } from "./run-mounts.js";
import { shippedStages } from "./stage-roles.js";
import { memo } from "./memo.js";

/** The commands of each RUN (shell or exec form, ONBUILD included), unwrapped, in script order. */
export function commandsByRun(model: DockerfileModel): ReadonlyMap<DfInstruction, readonly ToolCommand[]> {
  return memo(byRunCache, model, () => {
    const map = new Map<DfInstruction, ToolCommand[]>();
    for (const { instruction, command } of allRunCommands(model)) {
      const list = map.get(instruction);
      if (list) list.push(toolCommand(command));
      else map.set(instruction, [toolCommand(command)]);
    }
    return map;
  });
}

/** Built once per model and shared by every rule that asks: callers only read it. */
const byRunCache = new WeakMap<DockerfileModel, ReadonlyMap<DfInstruction, readonly ToolCommand[]>>();

export interface CleanupSpec {
  /** The word of a command that leaves a cache behind (`install`, `update`), or null. */
  trigger(tool: string, c: ShellCommand): ShellWord | null;
  /** The word of a command that removes that cache (`clean`, the `rm` path), or null. */
  cleanup(tool: string, c: ShellCommand): ShellWord | null;
  /** True for a cache or tmpfs mount target that keeps the cache out of the layer. */
  mount(target: string): boolean;
}

/**
 * Commands that leave a package-manager cache in a layer of the image: a trigger with no cleanup
 * later in the same RUN and no cache mount. Only stages whose layers reach an image are judged
 * (the final stage, Compose build targets, and the stages they are built FROM).
 */
export function* missingCleanups(model: DockerfileModel, project: Project, spec: CleanupSpec): Iterable<{ instruction: DfInstruction; command: ShellCommand; word: ShellWord }> {
  const shipped = shippedStages(model, project);
  for (const [instruction, commands] of commandsByRun(model)) {
    const stage = model.stages[instruction.stageIndex];
    if (!stage || !shipped.has(stage)) continue;
    // Most RUNs trigger nothing: their cleanups and mounts are not looked at.
    const triggers: { i: number; word: ShellWord }[] = [];
    commands.forEach(({ tool, command }, i) => {
      const word = spec.trigger(tool, command);
      if (word) triggers.push({ i, word });
    });
    if (!triggers.length || hasCacheMount(instruction, spec.mount)) continue;
    const cleanups: [number, number][] = [];
    commands.forEach(({ tool, command }, i) => {
      const word = spec.cleanup(tool, command);
      if (word) cleanups.push([i, word === command.nameWord ? -1 : command.args.indexOf(word)]);
    });
    for (const { i, word } of triggers) {
      const { command } = commands[i];
      const at = word === command.nameWord ? -1 : command.args.indexOf(word);
      if (cleanups.some(([ci, wi]) => ci > i || (ci === i && wi > at))) continue;
      yield { instruction, command, word };
    }
  }
}

/** The first argument of an `rm` or `find … -delete` command that removes a path inside one of `dirs`. */
export function removedPath(tool: string, c: ShellCommand, dirs: string[]): ShellWord | null {
  if (tool !== "rm" && !(tool === "find" && c.args.some((a) => a.value === "-delete" || a.value === "-exec"))) return null;
  return c.args.find((a) => dirs.some((d) => a.value === d || a.value.startsWith(`${d}/`))) ?? null;
}

/** An argument equal to one of `values`. */
export const argIn = (c: ShellCommand, ...values: string[]): ShellWord | null => c.args.find((a) => values.includes(a.value)) ?? null;

/** yum and the dnf family, which share their cache options. */
const RPM_TOOLS = ["yum", "dnf", "microdnf", "tdnf"];

/**
 * `--downloadonly` (its packages stay in the cache) or `keepcache` switched on: the cache is kept
 * on purpose. `keepcache=0` (dnf and yum read 0, no, false and off as false) removes the packages
 * after the install, which is no reason to keep the metadata.
 */
export const keepsPackages = (c: ShellCommand): boolean =>
  c.args.some((a) => a.value.startsWith("--downloadonly") || (/keepcache/.test(a.value) && !/keepcache=(0|no|false|off)$/i.test(a.value)));

/** A yum or dnf run that works from the cache alone (`-C`, `--cacheonly`), which a clean-up empties. */
export const readsCacheOnly = ({ tool, command }: ToolCommand): boolean =>
  RPM_TOOLS.includes(tool) && command.args.some((a) => a.value === "-C" || a.value === "--cacheonly");
