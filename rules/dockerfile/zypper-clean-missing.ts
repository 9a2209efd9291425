import { argIn, missingCleanups, removedPath } from "../../src/engine/cache-cleanup.js";
import type { ShellCommand } from "../../src/engine/parse/shell.js";
import type { ToolCommand } from "../../src/engine/pinning.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { cleanupFix } from "../../src/engine/run-append.js";
import { covers } from "../../src/engine/run-mounts.js";

const CACHE = "/var/cache/zypp";

export default defineDockerfileRule({
  meta: {
    id: "zypper-clean-missing",
    code: "DF206",
    category: "efficiency",
    severity: "info",
    description: "`zypper install` runs without `zypper clean` afterwards in the same RUN.",
    aliases: ["DL3036", "DS-0020", "kics:38300d1a-feb2-4a48-936a-d1ef1cd24313"],
    fixable: true,
    messages: {
      clean: "`zypper {{word}}` leaves the repository metadata it downloaded (and the packages too, for repositories with `keeppackages` on) in /var/cache/zypp, where it stays in this layer; finish the same RUN with `zypper clean --all` (or use a cache mount).",
    },
  },
  check({ model, project, report }) {
    const found = missingCleanups(model, project, {
      trigger: (tool, c) => (tool === "zypper" ? argIn(c, "install", "in") : null),
      cleanup: (tool, c) => (tool === "zypper" ? argIn(c, "clean", "cc") : removedPath(tool, c, [CACHE])),
      mount: (target) => covers(target, CACHE),
    });
    for (const { instruction, command, word } of found) {
      const fix = cleanupFix(model, instruction, { command, word }, "zypper clean --all", { keeps: downloadsOnly, needs: skipsRefresh });
      report({ messageId: "clean", data: { word: word.value }, range: word.range, fix: fix ?? undefined });
    }
  },
});

/** `zypper install --download-only` (`-d`, `--download only`): its packages stay in the cache on purpose. */
const downloadsOnly = (c: ShellCommand): boolean =>
  c.args.some((a, i) => a.value === "--download-only" || a.value === "-d" || a.value === "--download=only" || (a.value === "--download" && c.args[i + 1]?.value === "only"));

/** A zypper run that does not refresh the repositories (`--no-refresh`), so it needs the metadata a clean-up removes. */
const skipsRefresh = ({ tool, command }: ToolCommand): boolean => tool === "zypper" && command.args.some((a) => a.value === "--no-refresh");
