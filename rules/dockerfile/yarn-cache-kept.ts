import { argIn, commandsByRun, missingCleanups } from "../../src/engine/cache-cleanup.js";
import type { DfInstruction, DfStage, DockerfileModel } from "../../src/engine/parse/dockerfile.js";
import type { ShellCommand, ShellWord } from "../../src/engine/parse/shell.js";
import type { ToolCommand } from "../../src/engine/pinning.js";
import type { Project } from "../../src/engine/project.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { cleanupFix } from "../../src/engine/run-append.js";
import { covers, runMounts } from "../../src/engine/run-mounts.js";
import { trimSlashes } from "../../src/engine/paths.js";
import { stageChain } from "../../src/engine/stage-roles.js";

/** Yarn's cache folders: classic's (`~/.cache/yarn`, `/usr/local/share/.cache/yarn`) and Berry's global one (`~/.yarn/berry/cache`, the default from Yarn 4). */
const YARN_CACHE = /(\.cache\/yarn|\.yarn\/cache|\.yarn\/berry(\/cache)?|\.yarn-cache|share\/\.cache\/yarn|yarn-cache)(\/|$)|\/yarn$/;

export default defineDockerfileRule({
  meta: {
    id: "yarn-cache-kept",
    code: "DF208",
    category: "efficiency",
    severity: "info",
    description: "`yarn install` runs without `yarn cache clean` afterwards in the same RUN.",
    aliases: ["DL3060"],
    fixable: true,
    messages: {
      cache: "`{{command}}` keeps a copy of every downloaded package in Yarn's cache, which stays in this layer; finish the same RUN with `yarn cache clean` (with Yarn 2 and later, `yarn cache clean --all`: plain `clean` leaves the global cache, where Yarn 4 keeps the archives by default), or use a cache mount on the Yarn cache folder.",
    },
  },
  check({ model, project, report }) {
    const found = missingCleanups(model, project, {
      trigger: (tool, c) => (tool === "yarn" ? yarnInstall(c) : null),
      cleanup: (tool, c) => {
        if (tool === "yarn") {
          const cache = argIn(c, "cache");
          return cache && argIn(c, "clean") ? cache : null;
        }
        return tool === "rm" ? c.args.find((a) => YARN_CACHE.test(a.value)) ?? null : null;
      },
      mount: (target) => YARN_CACHE.test(target),
    });
    for (const { instruction, command, word } of found) {
      if (installsIntoBindMount(model, instruction, command)) continue;
      const fix = runsYarnClassic(model, project, instruction) ? appendClean(model, instruction, command, word) : null;
      report({ messageId: "cache", data: { command: word === command.nameWord ? "yarn" : `yarn ${word.value}` }, range: word.range, fix: fix ?? undefined });
    }
  },
});

/**
 * True when the last `cd` before the install, in the same RUN, moved into a bind mount of the RUN. Writes to a bind
 * mount are discarded (read-only ones fail), so node_modules never reach the layer and Yarn's
 * cache is all the step keeps: warming that cache is the point of such a RUN.
 */
function installsIntoBindMount(model: DockerfileModel, ins: DfInstruction, install: ShellCommand): boolean {
  const binds = runMounts(ins).filter((m) => m.type === "bind" && m.target !== null).map((m) => m.target as string);
  if (!binds.length) return false;
  const commands = commandsByRun(model).get(ins) ?? [];
  const at = commands.findIndex((c) => c.command === install);
  // The last `cd` before the install is the directory it runs in.
  const cd = commands.slice(0, at).filter(({ tool, command }) => tool === "cd" && command.args.length === 1).pop();
  const dir = cd?.command.args[0].value;
  return dir !== undefined && dir.startsWith("/") && binds.some((b) => covers(b, trimSlashes(dir) || "/"));
}

/** `yarn install`, or a bare `yarn` with options only (which installs too). */
function yarnInstall(c: ShellCommand) {
  const first = c.args.find((a) => !a.value.startsWith("-"));
  if (first) return first.value === "install" ? first : null;
  return c.args.some((a) => /^(-v|--version|-h|--help)$/.test(a.value)) ? null : c.nameWord;
}

/** Files that only Yarn 2 and later use: its config, its Plug'n'Play loader, a pinned release. */
const BERRY_FILE = /(^|\/)(\.yarnrc\.yml|\.pnp\.c?js|\.yarn\/releases\/[^/]+)$/;

/**
 * True when the yarn that runs is known to be Yarn 1 ("classic"), whose `yarn cache clean` only
 * empties its global download cache. Yarn 2 and later clean the project's own cache instead, which
 * Plug'n'Play runs the packages from. Known: the stage comes from the official node image (which
 * ships Yarn 1), the stage runs neither Corepack nor a Yarn install or version switch, and the
 * repository, whose tree must be known, holds no file of Yarn 2+.
 */
function runsYarnClassic(model: DockerfileModel, project: Project, ins: DfInstruction): boolean {
  const stage = model.stages[ins.stageIndex];
  if (!stage) return false;
  const chain: readonly DfStage[] = stageChain(stage);
  const root = chain[chain.length - 1].image;
  if (!root || root.ref.includes("$") || (root.registry !== null && root.registry !== "docker.io") || !/^(library\/)?node$/.test(root.name)) return false;
  for (const [run, commands] of commandsByRun(model)) {
    if (!chain.includes(model.stages[run.stageIndex])) continue;
    for (const { tool, command } of commands) {
      if (tool === "corepack" || (tool === "yarn" && argIn(command, "set", "policies")) || (/^(npm|pnpm)$/.test(tool) && command.args.some((a) => /^yarn(@|$)/.test(a.value)))) return false;
    }
  }
  return project.anyPath((p) => BERRY_FILE.test(p)) === false;
}

/** `&& yarn cache clean` at the end of the RUN, when yarn ran as written (not through sudo). */
function appendClean(model: DockerfileModel, ins: DfInstruction, command: ShellCommand, word: ShellWord) {
  // A later `yarn install --offline` installs from the cache alone.
  const offline = (c: ToolCommand) => c.tool === "yarn" && c.command.args.some((a) => a.value === "--offline");
  return cleanupFix(model, ins, { command, word }, "yarn cache clean", { keeps: () => false, needs: offline });
}
