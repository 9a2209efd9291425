import { argIn, missingCleanups } from "../../src/engine/cache-cleanup.js";
import type { ShellCommand } from "../../src/engine/parse/shell.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

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
    for (const { command, word } of found) {
      report({ messageId: "cache", data: { command: word === command.nameWord ? "yarn" : `yarn ${word.value}` }, range: word.range });
    }
  },
});

/** `yarn install`, or a bare `yarn` with options only (which installs too). */
function yarnInstall(c: ShellCommand) {
  const first = c.args.find((a) => !a.value.startsWith("-"));
  if (first) return first.value === "install" ? first : null;
  return c.args.some((a) => /^(-v|--version|-h|--help)$/.test(a.value)) ? null : c.nameWord;
}
