import { runInvocations, type Invocation } from "../../src/engine/invocations.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import type { DfInstruction } from "../../src/engine/parse/dockerfile.js";

export default defineDockerfileRule({
  meta: {
    id: "wget-and-curl",
    code: "DF405",
    category: "maintainability",
    severity: "info",
    description: "A stage uses both wget and curl.",
    aliases: ["DL4001", "DS-0014", "kics:fc775e75-fcfb-4c98-b2f2-910c5858b359"],
    messages: {
      both: "This stage downloads with both wget and curl; they do the same job, so pick one and install (and trust) a single tool.",
    },
  },
  check({ model, report }) {
    // As hadolint: per stage, every RUN that uses either tool once both have been used.
    const byRun = new Map<DfInstruction, Invocation[]>();
    for (const inv of runInvocations(model)) {
      if (inv.name !== "wget" && inv.name !== "curl") continue;
      byRun.set(inv.instruction, [...(byRun.get(inv.instruction) ?? []), inv]);
    }
    const used = new Map<number, Set<string>>();
    for (const [ins, invs] of byRun) {
      const set = used.get(ins.stageIndex) ?? new Set<string>();
      used.set(ins.stageIndex, set);
      invs.forEach((i) => set.add(i.name));
      if (set.size < 2) continue;
      const first = invs[0];
      report({ messageId: "both", range: first.command ? first.command.nameWord.range : first.range });
    }
  },
});
