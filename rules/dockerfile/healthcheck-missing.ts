import { defineDockerfileRule } from "../../src/engine/rule.js";
import { stageHealthcheck } from "../../src/engine/users.js";

export default defineDockerfileRule({
  meta: {
    id: "healthcheck-missing",
    code: "DF319",
    category: "reliability",
    severity: "info",
    description: "The final image has no HEALTHCHECK and no Compose service that builds it defines one.",
    aliases: ["DL3057", "DS-0026", "CKV_DOCKER_2", "kics:b03a748a-542d-44f4-bb86-9199ab4fd2d5"],
    messages: {
      missing: "The image built from stage `{{stage}}` has no HEALTHCHECK, so Docker reports a hung or half-started container as running and nothing restarts it. Add `HEALTHCHECK CMD …` that probes the service (or a `healthcheck:` to every Compose service that builds this file).",
    },
  },
  check({ model, project, report }) {
    const stage = model.finalStage;
    if (!stage?.image || stageHealthcheck(stage)) return;
    const services = project.servicesBuilding(model.path);
    if (services.length && services.every((s) => s.compose.healthcheck.defined)) return;
    report({ messageId: "missing", data: { stage: stage.name ?? stage.image.ref }, range: stage.from.range });
  },
});
