import { argIn, missingCleanups, removedPath } from "../../src/engine/cache-cleanup.js";
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
      trigger: (tool, c) => ((tool === "apt-get" || tool === "apt") && c.args.find((a) => !a.value.startsWith("-"))?.value === "update" ? argIn(c, "update") : null),
      // `apt-get dist-clean` (apt 2.7+, Debian trixie) removes the lists as well as the archives.
      cleanup: (tool, c) => removedPath(tool, c, [LISTS]) ?? ((tool === "apt-get" || tool === "apt") && c.args.find((a) => !a.value.startsWith("-"))?.value === "dist-clean" ? argIn(c, "dist-clean") : null),
      mount: (target) => covers(target, LISTS),
    });
    for (const { command, word } of found) {
      report({ messageId: "lists", data: { command: `${command.name} ${word.value}` }, range: { start: command.nameWord.range.start, end: word.range.end } });
    }
  },
});
