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
      unpinned: "The module `{{pkg}}` is installed without a version, so rebuilds fetch whatever is newest; pin it as `{{pkg}}@<version>`.",
    },
  },
  check({ model, report }) {
    for (const { word } of unpinnedPackages(model, "go")) {
      report({ messageId: "unpinned", data: { pkg: word.value }, range: word.range });
    }
  },
});
