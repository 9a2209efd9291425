import { unpinnedPackages } from "../../src/engine/pinning.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "rpm-version-unpinned",
    code: "DF309",
    category: "reliability",
    severity: "info",
    description: "A yum or dnf package is installed without a version.",
    aliases: ["DL3033", "DL3041", "kics:6452c424-1d92-4deb-bb18-a03e95d579c4", "kics:93d88cf7-f078-46a8-8ddc-178e03aeacf1"],
    messages: {
      unpinned: "The package `{{pkg}}` has no version, so each rebuild installs whatever the repository serves that day; pin it as `{{pkg}}-<version>`.",
    },
  },
  check({ model, report }) {
    for (const { word } of unpinnedPackages(model, "rpm")) {
      report({ messageId: "unpinned", data: { pkg: word.value }, range: word.range });
    }
  },
});
