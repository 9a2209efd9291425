import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "duplicate-stage-name",
    code: "DF325",
    category: "reliability",
    severity: "error",
    description: "Two stages have the same name.",
    aliases: ["DL3024", "buildkit:DuplicateStageName", "DS-0012", "CKV_DOCKER_11", "kics:f2daed12-c802-49cd-afed-fe41d0b82fed"],
    messages: {
      duplicate: "Stage name `{{name}}` is used again by a later FROM; the classic builder rejects the Dockerfile, and BuildKit builds it with a warning but takes the last stage of that name for `--from={{name}}` and `--target {{name}}`, so this one is silently passed over. Give each stage its own name.",
    },
  },
  check({ model, report }) {
    const seenLater = new Set<string>();
    const found: typeof model.stages = [];
    for (let i = model.stages.length - 1; i >= 0; i--) {
      const stage = model.stages[i];
      const name = stage.name?.toLowerCase();
      if (!name) continue;
      if (seenLater.has(name) && stage.nameRange) found.unshift(stage);
      seenLater.add(name);
    }
    for (const stage of found) report({ messageId: "duplicate", data: { name: stage.name! }, range: stage.nameRange! });
  },
});
