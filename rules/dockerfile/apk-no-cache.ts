import { commandsByRun, removedPath } from "../../src/engine/cache-cleanup.js";
import { packageInstall } from "../../src/engine/pinning.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { covers, hasCacheMount } from "../../src/engine/run-mounts.js";
import { shippedStages } from "../../src/engine/stage-roles.js";

const CACHE = "/var/cache/apk";
/** Alpine's link to the cache directory, where Docker's documentation mounts the apk cache. */
const CACHE_LINK = "/etc/apk/cache";

export default defineDockerfileRule({
  meta: {
    id: "apk-no-cache",
    code: "DF203",
    category: "efficiency",
    severity: "info",
    description: "`apk add` without `--no-cache` keeps the package index in the image.",
    aliases: ["DL3019", "DS-0025", "kics:ae9c56a6-3ed1-4ac0-9b54-31267f51151d"],
    fixable: true,
    messages: {
      cache: "`apk add` without `--no-cache` stores the package index under /var/cache/apk in this layer; add `--no-cache` (it also makes a separate `apk update` unnecessary).",
    },
  },
  check({ model, project, report }) {
    const shipped = shippedStages(model, project);
    for (const [instruction, commands] of commandsByRun(model)) {
      // A builder stage whose files are only copied elsewhere: its layers, index included, are thrown away.
      const stage = model.stages[instruction.stageIndex];
      if (!stage || !shipped.has(stage)) continue;
      if (hasCacheMount(instruction, (target) => covers(target, CACHE) || covers(target, CACHE_LINK))) continue;
      commands.forEach(({ command }, i) => {
        const install = packageInstall(command);
        if (!install || install.installer !== "apk" || install.command.args.some((a) => a.value === "--no-cache" || a.value === "--no-network")) return;
        if (commands.slice(i + 1).some((c) => removedPath(c.tool, c.command, [CACHE, CACHE_LINK]))) return;
        const sub = install.subcommand;
        const exec = !!instruction.execForm && sub.raw.startsWith('"');
        report({
          messageId: "cache",
          range: sub.range,
          fix: { description: "Add --no-cache", edits: [{ range: { start: sub.range.end, end: sub.range.end }, text: exec ? ', "--no-cache"' : " --no-cache" }] },
        });
      });
    }
  },
});
