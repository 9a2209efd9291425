import { argIn, keepsPackages, missingCleanups, readsCacheOnly, removedPath } from "../../src/engine/cache-cleanup.js";
import type { ShellCommand } from "../../src/engine/parse/shell.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { cleanupFix } from "../../src/engine/run-append.js";
import { covers } from "../../src/engine/run-mounts.js";

const DNF = ["dnf", "microdnf", "tdnf"];
const CACHES = ["/var/cache/dnf", "/var/cache/yum", "/var/cache/libdnf5", "/var/cache/tdnf"];

export default defineDockerfileRule({
  meta: {
    id: "dnf-clean-missing",
    code: "DF205",
    category: "efficiency",
    severity: "info",
    description: "`dnf`/`microdnf install` runs without `clean all` afterwards in the same RUN.",
    aliases: ["DL3040", "DS-0019", "DS-0027", "kics:295acb63-9246-4b21-b441-7c1f1fb62dc0"],
    fixable: true,
    messages: {
      clean: "`{{tool}} {{word}}` leaves the repository metadata it downloaded (and the packages too, when `keepcache` is on) in /var/cache, where it stays in this layer; finish the same RUN with `{{tool}} clean all` (or use a cache mount).",
    },
  },
  check({ model, project, report }) {
    const found = missingCleanups(model, project, {
      trigger: (tool, c) => (DNF.includes(tool) ? argIn(c, "install", "groupinstall", "localinstall", "reinstall") : null),
      cleanup: (tool, c) => (DNF.includes(tool) ? cleanAll(c) : removedPath(tool, c, CACHES)),
      mount: (target) => CACHES.some((dir) => covers(target, dir)),
    });
    for (const { instruction, command, word } of found) {
      const tool = command.name.slice(command.name.lastIndexOf("/") + 1);
      const fix = cleanupFix(model, instruction, { command, word }, `${tool} clean all`, { keeps: keepsPackages, needs: readsCacheOnly });
      report({ messageId: "clean", data: { tool, word: word.value }, range: word.range, fix: fix ?? undefined });
    }
  },
});

/** The `clean` of `dnf clean all`. */
function cleanAll(c: ShellCommand) {
  const at = c.args.findIndex((a) => a.value === "clean");
  return at >= 0 && c.args.slice(at + 1).some((a) => a.value === "all") ? c.args[at] : null;
}
