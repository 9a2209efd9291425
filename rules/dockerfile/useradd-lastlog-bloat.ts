import { commandsByRun } from "../../src/engine/cache-cleanup.js";
import { hasFlag } from "../../src/engine/query.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "useradd-lastlog-bloat",
    code: "DF209",
    category: "efficiency",
    severity: "info",
    description: "`useradd` with a large UID and without `-l` writes a huge sparse /var/log/lastlog.",
    aliases: ["DL3046"],
    fixable: true,
    messages: {
      lastlog: "`useradd` with UID {{uid}} and without `-l`/`--no-log-init` grows /var/log/lastlog to gigabytes (sparse on disk, but expanded in image layers); add `--no-log-init`.",
    },
  },
  check({ model, report }) {
    for (const [instruction, commands] of commandsByRun(model)) {
      for (const { tool, command } of commands) {
        if (tool !== "useradd" || hasFlag(command, "-l", "--no-log-init")) continue;
        const at = command.args.findIndex((a) => a.value === "-u" || a.value === "--uid" || a.value.startsWith("--uid="));
        if (at < 0) continue;
        const flag = command.args[at];
        const uidWord = flag.value.startsWith("--uid=") ? flag : command.args[at + 1];
        const uid = uidWord ? uidWord.value.replace(/^--uid=/, "") : "";
        if (uid.length <= 5 || uidWord.dynamic) continue;
        const name = command.nameWord;
        const exec = !!instruction.execForm && name.raw.startsWith('"');
        report({
          messageId: "lastlog",
          data: { uid },
          range: uidWord.range,
          fix: { description: "Add --no-log-init", edits: [{ range: { start: name.range.end, end: name.range.end }, text: exec ? ', "--no-log-init"' : " --no-log-init" }] },
        });
      }
    }
  },
});
