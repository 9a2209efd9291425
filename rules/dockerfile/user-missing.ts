import { defineDockerfileRule } from "../../src/engine/rule.js";
import { baseImageRef } from "../../src/engine/image-refs.js";
import { imageDefaultsToNonRoot, stageUser } from "../../src/engine/users.js";
import { stageLabel } from "../../src/engine/stage-roles.js";

export default defineDockerfileRule({
  meta: {
    id: "user-missing",
    code: "DF101",
    category: "security",
    severity: "error",
    description: "The final stage never sets USER, so the container runs as root.",
    aliases: ["DS-0002", "CKV_DOCKER_3", "kics:fd54f200-402c-4333-a5a4-36ef6709af2f"],
    messages: {
      missing: "The final stage `{{stage}}` has no USER instruction, so the container runs as root. Add a non-root USER after the install steps.",
    },
  },
  check({ model, report }) {
    const stage = model.finalStage;
    if (!stage || !stage.image || stage.image.ref.toLowerCase() === "scratch") return;
    if (stageUser(stage)) return;
    const base = baseImageRef(model, stage);
    if (base && imageDefaultsToNonRoot(base)) return;
    report({ messageId: "missing", data: { stage: stageLabel(stage) }, range: stage.from.range });
  },
});
