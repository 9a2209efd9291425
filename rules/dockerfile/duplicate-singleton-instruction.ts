import type { DfInstruction, DockerfileModel } from "../../src/engine/parse/dockerfile.js";
import { deleteInstructionFix } from "../../src/engine/instruction-delete.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { shippedStages } from "../../src/engine/stage-roles.js";
import type { Fix } from "../../src/engine/types.js";

const SINGLETONS = ["CMD", "ENTRYPOINT", "HEALTHCHECK"];

export default defineDockerfileRule({
  meta: {
    id: "duplicate-singleton-instruction",
    code: "DF318",
    category: "reliability",
    severity: "warning",
    description: "A stage has more than one CMD, ENTRYPOINT or HEALTHCHECK; only the last one takes effect.",
    aliases: [
      "DL4003", "DL4004", "DL3012", "buildkit:MultipleInstructionsDisallowed", "DS-0016", "DS-0007", "DS-0023",
      "kics:41c195f4-fc31-4a5c-8a1b-90605538d49f", "kics:6938958b-3f1a-451c-909b-baeee14bdc97",
    ],
    fixable: true,
    messages: {
      overridden: "This `{{keyword}}` is replaced by a later `{{keyword}}` in the same stage and never takes effect. Remove it, or merge what it was meant to do into the last one.",
    },
  },
  check({ model, project, report }) {
    for (const stage of shippedStages(model, project)) {
      for (const keyword of SINGLETONS) {
        const all = stage.instructions.filter((i) => i.keyword === keyword);
        for (const ins of all.slice(0, -1)) report({ messageId: "overridden", data: { keyword }, range: ins.range, fix: deleteFix(model, ins) });
      }
    }
  },
});

/**
 * Deletes the overridden instruction's lines. The image is the same: the last one sets the value,
 * and an ENTRYPOINT resets an inherited CMD only while the stage has set none, which holds for the
 * last ENTRYPOINT whatever came before it (BuildKit's dispatchEntrypoint: `if !d.cmdSet`). Not
 * when a comment line inside the instruction, or a heredoc, would go with it.
 */
function deleteFix(model: DockerfileModel, ins: DfInstruction): Fix | undefined {
  if (ins.heredocs.length) return undefined;
  return deleteInstructionFix(model, ins, `Remove the overridden ${ins.keyword}`) ?? undefined;
}
