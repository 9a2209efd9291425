import { unpinnedPackages } from "../../src/engine/pinning.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "go-install-unpinned",
    code: "DF311",
    category: "reliability",
    severity: "info",
    description: "A `go install` names a module without a version.",
    aliases: ["DL3062"],
    messages: {
      unpinned: "`go install {{pkg}}` has no `@version`: outside a module Go refuses it (\"'go install' requires a version when current directory is not in a module\"), and inside one it builds the version the current go.mod requires, tying the tool to the application's dependencies; write `{{pkg}}@<version>`.",
    },
  },
  check({ model, report }) {
    for (const { word } of unpinnedPackages(model, "go")) {
      report({ messageId: "unpinned", data: { pkg: word.value }, range: word.range });
    }
  },
});
