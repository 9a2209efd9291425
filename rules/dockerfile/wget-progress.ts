import { runInvocations, shortBundleHas } from "../../src/engine/invocations.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

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
    messages: {
      progress: "Without a terminal wget prints a line of progress dots for every 50 KB it downloads, which bloats build logs for large downloads; add `--progress=dot:giga`, or `-nv` (one line per file, errors still shown; `-q` hides the errors too).",
    },
  },
  check({ model, report }) {
    for (const inv of runInvocations(model)) {
      const c = inv.command;
      if (inv.name !== "wget" || !c) continue;
      const quiet = c.args.some(
        (a) => QUIET_LONG.test(a.value) || a.value === "-nv" || ["q", "o", "a"].some((l) => shortBundleHas(a.value, l, VALUE_LETTERS)),
      );
      if (!quiet) report({ messageId: "progress", range: c.nameWord.range });
    }
  },
});
