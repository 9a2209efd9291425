import { allRunCommands } from "../../src/engine/execform.js";
import type { DfInstruction } from "../../src/engine/parse/dockerfile.js";
import { packageInstall } from "../../src/engine/pinning.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { chainInstructions } from "../../src/engine/stage-roles.js";

/** `APT::Install-Recommends "false"` written to apt's configuration, or given with `-o`. */
const CONFIGURED = /install-recommends["'\s=]+(0|false|no)\b/i;

export default defineDockerfileRule({
  meta: {
    id: "apt-no-install-recommends",
    code: "DF202",
    category: "efficiency",
    severity: "info",
    description: "`apt-get install` without `--no-install-recommends` pulls in recommended packages.",
    aliases: ["DL3015", "DS-0029", "kics:7384dfb2-fcd1-4fbf-91cd-6c44c318c33c"],
    fixable: true,
    messages: {
      recommends: "`{{tool}} install` also installs every package the requested ones merely recommend, often doubling the download; add `--no-install-recommends` and list what you really need.",
    },
  },
  check({ model, report }) {
    const configuredIn = (ins: DfInstruction) => CONFIGURED.test(ins.argsText) || ins.heredocs.some((h) => CONFIGURED.test(h.content));
    for (const { instruction, command } of allRunCommands(model)) {
      const install = packageInstall(command);
      if (!install || install.installer !== "apt" || !install.packages.length) continue;
      if (install.command.args.some((a) => a.value === "--no-install-recommends" || CONFIGURED.test(a.value))) continue;
      const stage = model.stages[instruction.stageIndex];
      const before = stage ? chainInstructions(stage) : [];
      const upTo = before.indexOf(instruction);
      if (before.slice(0, upTo < 0 ? before.length : upTo + 1).some(configuredIn)) continue;
      const sub = install.subcommand;
      const exec = !!instruction.execForm && sub.raw.startsWith('"');
      report({
        messageId: "recommends",
        data: { tool: install.tool },
        range: sub.range,
        fix: {
          description: "Add --no-install-recommends",
          edits: [{ range: { start: sub.range.end, end: sub.range.end }, text: exec ? ', "--no-install-recommends"' : " --no-install-recommends" }],
        },
      });
    }
  },
});
