import { unpinnedPackages } from "../../src/engine/pinning.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "apk-version-unpinned",
    code: "DF307",
    category: "reliability",
    severity: "info",
    description: "An apk package is installed without a pinned version.",
    aliases: ["DL3018", "kics:d3499f6d-1651-41bb-a9a7-de925fea487b"],
    messages: {
      unpinned: "The apk package `{{pkg}}` has no version, so each rebuild installs whatever the apk repository (Alpine, Wolfi, …) serves that day; pin it as `{{pkg}}=<version>` or `{{pkg}}~<major.minor>`.",
    },
  },
  check({ model, report }) {
    for (const { word } of unpinnedPackages(model, "apk")) {
      report({ messageId: "unpinned", data: { pkg: word.value }, range: word.range });
    }
  },
});
