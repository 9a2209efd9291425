import { unpinnedPackages } from "../../src/engine/pinning.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "zypper-version-unpinned",
    code: "DF310",
    category: "reliability",
    severity: "info",
    description: "A zypper package is installed without a version.",
    aliases: ["DL3037", "kics:562952e4-0348-4dea-9826-44f3a2c6117b"],
    messages: {
      unpinned: "The zypper package `{{pkg}}` has no version, so each rebuild installs whatever the repository serves that day; pin it as `{{pkg}}=<version>`.",
    },
  },
  check({ model, report }) {
    for (const { word } of unpinnedPackages(model, "zypper")) {
      report({ messageId: "unpinned", data: { pkg: word.value }, range: word.range });
    }
  },
});
