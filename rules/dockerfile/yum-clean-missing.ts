import { argIn, keepsPackages, missingCleanups, readsCacheOnly, removedPath } from "../../src/engine/cache-cleanup.js";
import type { ShellCommand } from "../../src/engine/parse/shell.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { cleanupFix } from "../../src/engine/run-append.js";
import { covers } from "../../src/engine/run-mounts.js";

const CACHE = "/var/cache/yum";

export default defineDockerfileRule({
  meta: {
    id: "yum-clean-missing",
    code: "DF204",
    category: "efficiency",
    severity: "info",
    description: "`yum install` runs without `yum clean all` afterwards in the same RUN.",
    aliases: ["DL3032", "DS-0015", "kics:00481784-25aa-4a55-8633-3136dfcf4f37"],
    fixable: true,
    messages: {
      clean: "`yum {{word}}` leaves the repository metadata it downloaded (and the packages too, when `keepcache` is on) in /var/cache/yum, where it stays in this layer; finish the same RUN with `yum clean all` (or use a cache mount).",
    },
  },
  check({ model, project, report }) {
    const found = missingCleanups(model, project, {
      trigger: (tool, c) => (tool === "yum" ? argIn(c, "install", "groupinstall", "localinstall", "reinstall") : null),
      cleanup: (tool, c) => (tool === "yum" ? cleanAll(c) : removedPath(tool, c, [CACHE])),
      mount: (target) => covers(target, CACHE),
    });
    for (const { instruction, command, word } of found) {
      const fix = cleanupFix(model, instruction, { command, word }, "yum clean all", { keeps: keepsPackages, needs: readsCacheOnly });
      report({ messageId: "clean", data: { word: word.value }, range: word.range, fix: fix ?? undefined });
    }
  },
});

/** The `clean` of `yum clean all`. */
function cleanAll(c: ShellCommand) {
  const at = c.args.findIndex((a) => a.value === "clean");
  return at >= 0 && c.args.slice(at + 1).some((a) => a.value === "all") ? c.args[at] : null;
}
