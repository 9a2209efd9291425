import { unpinnedPackages } from "../../src/engine/pinning.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "npm-version-unpinned",
    code: "DF306",
    category: "reliability",
    severity: "info",
    description: "An npm package is installed without a version.",
    aliases: ["DL3016", "kics:e36d8880-3f78-4546-b9a1-12f0745ca0d5"],
    messages: {
      unpinned: "The npm package `{{pkg}}` has no version, so every rebuild installs the newest release; pin it as `{{pkg}}@<version>`.",
    },
  },
  check({ model, report }) {
    for (const { word } of unpinnedPackages(model, "npm")) {
      report({ messageId: "unpinned", data: { pkg: word.value }, range: word.range });
    }
  },
});
