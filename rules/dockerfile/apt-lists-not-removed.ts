import { commandsByRun, missingCleanups, removedPath } from "../../src/engine/cache-cleanup.js";
import { subcommandOf } from "../../src/engine/package-managers.js";
import type { DfInstruction, DockerfileModel } from "../../src/engine/parse/dockerfile.js";
import type { ShellCommand } from "../../src/engine/parse/shell.js";
import type { ToolCommand } from "../../src/engine/pinning.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { appendToRun, runsUnwrapped } from "../../src/engine/run-append.js";
import { covers } from "../../src/engine/run-mounts.js";
import { comparePos } from "../../src/engine/text.js";

const LISTS = "/var/lib/apt/lists";
const APT_TOOLS = ["apt-get", "apt", "aptitude", "apt-cache"];
/** apt subcommands that do not read the package lists; every other one (install, upgrade, show, …) does. */
const WITHOUT_LISTS = ["update", "clean", "autoclean", "dist-clean", "remove", "purge", "autoremove", "autopurge"];

export default defineDockerfileRule({
  meta: {
    id: "apt-lists-not-removed",
    code: "DF201",
    category: "efficiency",
    severity: "info",
    description: "`apt-get update` leaves the package lists in an image layer.",
    aliases: ["DL3009", "kics:df746b39-6564-4fed-bf85-e9c44382303c"],
    fixable: true,
    messages: {
      lists: "`{{command}}` downloads the package lists into /var/lib/apt/lists and this RUN never deletes them, adding tens of megabytes to the image; end the same RUN with `rm -rf /var/lib/apt/lists/*` or use a cache mount.",
    },
  },
  check({ model, project, report }) {
    const found = missingCleanups(model, project, {
      trigger: (tool, c) => aptSubcommand(tool, c, "update"),
      // `apt-get dist-clean` (apt 2.7+, Debian trixie) removes the lists as well as the archives.
      cleanup: (tool, c) => removedPath(tool, c, [LISTS]) ?? aptSubcommand(tool, c, "dist-clean"),
      mount: (target) => covers(target, LISTS),
    });
    for (const { instruction, command, word } of found) {
      report({
        messageId: "lists",
        data: { command: `${command.name} ${word.value}` },
        range: { start: command.nameWord.range.start, end: word.range.end },
        fix: removeListsFix(model, instruction, command) ?? undefined,
      });
    }
  },
});

/**
 * Deletes the lists at the end of the RUN, as Docker's best practices write it: only when the RUN
 * itself uses them after the update (an update alone is for a later RUN) and no later RUN of the
 * file reads apt's lists without an update of its own (a stage built FROM this one may rely on
 * them), nor runs a script file, which may install packages without an update. Not when `sudo`
 * runs the update: the user may not delete the lists itself.
 */
function removeListsFix(model: DockerfileModel, ins: DfInstruction, update: ShellCommand) {
  if (!runsUnwrapped(ins, update)) return null;
  const commands = commandsByRun(model).get(ins) ?? [];
  const at = commands.findIndex((c) => c.command === update);
  if (at < 0 || !commands.slice(at + 1).some(readsLists)) return null;
  for (const [later, cmds] of commandsByRun(model)) {
    if (comparePos(later.range.start, ins.range.end) <= 0) continue;
    const updated = cmds.findIndex((c) => !!aptSubcommand(c.tool, c.command, "update"));
    const reads = cmds.findIndex((c) => readsLists(c) || runsScriptFile(c.command));
    if (reads >= 0 && (updated < 0 || updated > reads)) return null;
  }
  return appendToRun(model, ins, `rm -rf ${LISTS}/*`, "Delete the apt lists at the end of the RUN");
}

/** An apt command that reads the package lists (`install`, `upgrade`, `apt-cache policy`…). */
function readsLists({ tool, command }: ToolCommand): boolean {
  if (!APT_TOOLS.includes(tool)) return false;
  const sub = subcommandOf(command)?.value;
  return !!sub && !WITHOUT_LISTS.includes(sub);
}

/** The `sub` word of `apt-get sub …` / `apt sub …`, or null. */
function aptSubcommand(tool: string, c: ShellCommand, sub: string) {
  if (tool !== "apt-get" && tool !== "apt") return null;
  const word = subcommandOf(c);
  return word?.value === sub ? word : null;
}

const SHELLS = /^(sh|bash|dash|ash|zsh)$/;

/** A script the build brought (`/tmp/install-redis`, `./setup.sh`, `bash setup.sh`), not a system command. */
function runsScriptFile(c: ShellCommand): boolean {
  if (c.name.includes("/")) return !/^\/(usr\/)?(local\/)?s?bin\//.test(c.name);
  const base = c.name.replace(/^.*\//, "");
  if (!SHELLS.test(base)) return false;
  const first = c.args.find((a) => !a.value.startsWith("-") || a.value === "-c");
  return !!first && first.value !== "-c";
}
