import { runInvocations, type Invocation } from "../../src/engine/invocations.js";
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
    const invocations = [...runInvocations(model)];
    for (const inv of invocations) {
      if (inv.name !== "cd" || seen.has(inv.instruction)) continue;
      seen.add(inv.instruction);
      if (isLoneAbsoluteCd(inv.instruction, invocations)) continue;
      report({ messageId: "cd", range: inv.command ? inv.command.range : inv.range });
    }
  },
});

/**
 * A RUN whose only command is `cd` to a plain absolute path does nothing at all: no later command
 * of the step runs there, and the path is unambiguous. That is not the WORKDIR confusion this rule
 * is about (KICS leaves it alone too); a relative or `..` path still is.
 */
function isLoneAbsoluteCd(instruction: DfInstruction, invocations: Invocation[]): boolean {
  const own = invocations.filter((i) => i.instruction === instruction);
  if (own.length !== 1 || own[0].args.length !== 1) return false;
  const target = own[0].args[0];
  return target.startsWith("/") && !target.split("/").includes("..");
}
