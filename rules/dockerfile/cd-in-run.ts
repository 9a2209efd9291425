import { runInvocations } from "../../src/engine/invocations.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import type { DfInstruction } from "../../src/engine/parse/dockerfile.js";

export default defineDockerfileRule({
  meta: {
    id: "cd-in-run",
    code: "DF402",
    category: "maintainability",
    severity: "info",
    description: "RUN changes directory with cd instead of using WORKDIR.",
    aliases: ["DL3003", "DS-0013", "kics:f4a6bcd3-e231-4acf-993c-aa027be50d2e"],
    messages: {
      cd: "`cd` only lasts for this RUN step and hides where the following commands run; set the directory with `WORKDIR` (it also creates it) or give the commands absolute paths.",
    },
  },
  check({ model, report }) {
    const seen = new Set<DfInstruction>();
    for (const inv of runInvocations(model)) {
      if (inv.name !== "cd" || seen.has(inv.instruction)) continue;
      seen.add(inv.instruction);
      report({ messageId: "cd", range: inv.command ? inv.command.range : inv.range });
    }
  },
});
