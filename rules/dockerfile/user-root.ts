import { defineDockerfileRule } from "../../src/engine/rule.js";
import { isRootUser, stageUser } from "../../src/engine/users.js";

export default defineDockerfileRule({
  meta: {
    id: "user-root",
    code: "DF102",
    category: "security",
    severity: "error",
    description: "The last USER of the final stage is root, so the container runs as root.",
    aliases: ["DL3002", "DS-0002", "CKV_DOCKER_8", "kics:67fd0c4a-68cf-46d7-8c41-bc9fba7e40ae"],
    messages: {
      root: "The image switches to `{{user}}` last, so the container runs as root. End the final stage with `USER` set to an unprivileged (numeric) user.",
    },
  },
  check({ model, report }) {
    const stage = model.finalStage;
    if (!stage) return;
    const found = stageUser(stage);
    if (!found || isRootUser(found.user) !== true) return;
    const word = found.instruction.args[0];
    report({ messageId: "root", data: { user: found.user }, range: word.range });
  },
});
