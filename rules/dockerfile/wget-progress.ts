import { allRunCommands } from "../../src/engine/execform.js";
import { baseImageRef } from "../../src/engine/image-refs.js";
import { runInvocations, shortBundleHas, type Invocation } from "../../src/engine/invocations.js";
import type { DfStage, DockerfileModel } from "../../src/engine/parse/dockerfile.js";
import type { ShellCommand } from "../../src/engine/parse/shell.js";
import { subcommandOf } from "../../src/engine/package-managers.js";
import { officialDistroTraits } from "../../src/engine/official-images.js";
import { packageInstall, toolCommand } from "../../src/engine/pinning.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { stageChain } from "../../src/engine/stage-roles.js";
import { comparePos } from "../../src/engine/text.js";

/** wget short options that take a value (the rest of a bundle after them is that value). */
const VALUE_LETTERS = "oaeiBtOTwQPUlARDIX";
const QUIET_LONG = /^--(progress|quiet|no-verbose|output-file|append-output)(=|$)/;

export default defineDockerfileRule({
  meta: {
    id: "wget-progress",
    code: "DF406",
    category: "maintainability",
    severity: "info",
    description: "wget runs without --progress or a quiet flag and floods the build log.",
    aliases: ["DL3047"],
    fixable: true,
    messages: {
      progress: "Without a terminal wget prints a line of progress dots for every 50 KB it downloads, which bloats build logs for large downloads; add `--progress=dot:giga`, or `-nv` (one line per file, errors still shown; `-q` hides the errors too).",
      busybox: "This is BusyBox's wget (the `wget` of Alpine and BusyBox images), which without a terminal prints a progress line every second of the download, so long downloads fill the build log; add `-q` (it has no `--progress` option).",
    },
  },
  check({ model, report }) {
    for (const inv of runInvocations(model)) {
      const c = inv.command;
      if (inv.name !== "wget" || !c) continue;
      const quiet = c.args.some(
        (a) => QUIET_LONG.test(a.value) || a.value === "-nv" || ["q", "o", "a"].some((l) => shortBundleHas(a.value, l, VALUE_LETTERS)),
      );
      if (quiet) continue;
      const end = c.nameWord.range.end;
      const make = wgetMake(model, inv);
      const fix = make === "gnu" ? { description: "Add --progress=dot:giga", edits: [{ range: { start: end, end }, text: " --progress=dot:giga" }] } : undefined;
      report({ messageId: make === "busybox" ? "busybox" : "progress", range: c.nameWord.range, fix });
    }
  },
});

/**
 * Which wget runs, when known. GNU wget, which takes --progress: the stage comes from a Debian- or
 * Ubuntu-based official image, or installs the `wget` package with apk or apt before this command
 * and deletes it no more (`apk del .fetch-deps` brings BusyBox's back). BusyBox's wget, which
 * rejects --progress and without a terminal prints a status line a second (libbb/progress.c): the
 * stage comes from an Alpine or BusyBox official image and GNU wget is not installed, or the
 * command is /bin/wget there. null for an image of unknown make.
 */
function wgetMake(model: DockerfileModel, inv: Invocation): "gnu" | "busybox" | null {
  const stage = model.stages[inv.instruction.stageIndex];
  if (!stage || !inv.command) return null;
  const base = baseImageRef(model, stage);
  const make = base ? officialDistroTraits(base)?.wget ?? null : null;
  // Alpine keeps BusyBox's wget at /bin/wget beside GNU wget's /usr/bin/wget.
  if (inv.command.name === "/bin/wget") return make === "busybox" ? "busybox" : null;
  if (!["wget", "/usr/bin/wget"].includes(inv.command.name)) return null;
  if (make === "gnu") return "gnu";
  return installsGnuWget(model, inv, stage) ? "gnu" : make === "busybox" ? "busybox" : null;
}

/** The stage (or one it builds on) installs the `wget` package before this command and has not deleted it since. */
function installsGnuWget(model: DockerfileModel, inv: Invocation, stage: DfStage): boolean {
  if (!inv.command) return false;
  const chain = stageChain(stage);
  const at = inv.command.range.start;
  // The install's own name and its apk virtual package: deleting either brings BusyBox's wget back.
  let installed: string[] | null = null;
  for (const { instruction, command } of allRunCommands(model)) {
    if (!chain.includes(model.stages[instruction.stageIndex]) || comparePos(command.range.end, at) > 0) continue;
    const install = packageInstall(command);
    if (install && (install.installer === "apk" || install.installer === "apt") && install.packages.some((p) => p.value === "wget")) {
      installed = ["wget", ...virtualOf(install.command)];
    } else if (installed && removesOneOf(command, installed)) {
      installed = null;
    }
  }
  return installed !== null;
}

/** The `--virtual` (`-t`) name of an `apk add`, which `apk del` takes to remove what it added. */
function virtualOf(c: ShellCommand): string[] {
  const i = c.args.findIndex((a) => a.value === "-t" || a.value === "--virtual");
  if (i >= 0 && c.args[i + 1]) return [c.args[i + 1].value];
  const joined = c.args.find((a) => a.value.startsWith("--virtual="));
  return joined ? [joined.value.slice("--virtual=".length)] : [];
}

/** `apk del`, `apt-get remove` or `purge` (`apt` too) of one of `names`. */
function removesOneOf(command: ShellCommand, names: string[]): boolean {
  const { tool, command: c } = toolCommand(command);
  const sub = subcommandOf(c)?.value;
  const removes = (tool === "apk" && sub === "del") || ((tool === "apt-get" || tool === "apt") && (sub === "remove" || sub === "purge"));
  return removes && c.args.some((a) => names.includes(a.value));
}
