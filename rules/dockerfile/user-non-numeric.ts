import { isWindowsStage } from "../../src/engine/platform.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { isRootUser, stageUser } from "../../src/engine/users.js";

export default defineDockerfileRule({
  meta: {
    id: "user-non-numeric",
    code: "DF103",
    category: "security",
    severity: "info",
    description: "The final USER is a name, which a runtime cannot prove is not root.",
    aliases: ["DL3066"],
    messages: {
      name: "The image runs as user name `{{user}}`; a runtime enforcing non-root (Kubernetes `runAsNonRoot`) cannot resolve a name, so write the uid `{{user}}` has in the image (`id -u {{user}}` run there prints it) instead of the name.",
    },
  },
  check({ model, report }) {
    const stage = model.finalStage;
    const found = stage ? stageUser(stage) : null;
    if (!stage || !found || found.instruction.args.length !== 1 || isWindowsStage(model, stage)) return;
    const word = found.instruction.args[0];
    const user = word.value.split(":")[0];
    if (!user || /^\d+$/.test(user) || user.includes("$") || isRootUser(user) !== false) return;
    // The name alone when it is written as it reads; else (quotes, a line continuation) the whole word.
    const written = model.index.slice(word.range);
    const verbatim = written === word.value && word.range.start.line === word.range.end.line;
    const range = verbatim ? { start: word.range.start, end: { line: word.range.start.line, column: word.range.start.column + user.length } } : word.range;
    report({ messageId: "name", data: { user }, range });
  },
});
