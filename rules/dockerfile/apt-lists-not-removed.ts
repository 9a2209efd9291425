import { missingCleanups, removedPath } from "../../src/engine/cache-cleanup.js";
import { subcommandOf } from "../../src/engine/package-managers.js";
import type { ShellCommand } from "../../src/engine/parse/shell.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { covers } from "../../src/engine/run-mounts.js";

const LISTS = "/var/lib/apt/lists";

export default defineDockerfileRule({
  meta: {
    id: "apt-lists-not-removed",
    code: "DF201",
    category: "efficiency",
    severity: "info",
    description: "`apt-get update` leaves the package lists in an image layer.",
    aliases: ["DL3009", "kics:df746b39-6564-4fed-bf85-e9c44382303c"],
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
    for (const { command, word } of found) {
      report({ messageId: "lists", data: { command: `${command.name} ${word.value}` }, range: { start: command.nameWord.range.start, end: word.range.end } });
    }
  },
});

/** The `sub` word of `apt-get sub …` / `apt sub …`, or null. */
function aptSubcommand(tool: string, c: ShellCommand, sub: string) {
  if (tool !== "apt-get" && tool !== "apt") return null;
  const word = subcommandOf(c);
  return word?.value === sub ? word : null;
}
