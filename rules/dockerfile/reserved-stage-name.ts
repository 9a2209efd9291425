import { defineDockerfileRule } from "../../src/engine/rule.js";

const RESERVED = new Set(["scratch", "context"]);

export default defineDockerfileRule({
  meta: {
    id: "reserved-stage-name",
    code: "DF326",
    category: "reliability",
    severity: "warning",
    description: "A stage is named with a reserved word (`scratch` or `context`).",
    aliases: ["DL3063", "buildkit:ReservedStageName"],
    messages: {
      reserved: "`{{name}}` is a reserved name ({{meaning}}), and BuildKit warns about it: a stage name is looked up before that meaning, so a later `FROM {{lower}}` or any `--from={{lower}}` silently refers to this stage instead. Rename the stage.",
    },
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const lower = stage.name?.toLowerCase();
      if (!lower || !RESERVED.has(lower) || !stage.nameRange) continue;
      const meaning = lower === "scratch" ? "`scratch` is the empty base image" : "`context` is the name BuildKit gives the build context";
      report({ messageId: "reserved", data: { name: stage.name!, lower, meaning }, range: stage.nameRange });
    }
  },
});
