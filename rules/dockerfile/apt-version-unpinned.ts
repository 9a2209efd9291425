import { unpinnedPackages } from "../../src/engine/pinning.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "apt-version-unpinned",
    code: "DF304",
    category: "reliability",
    severity: "info",
    description: "An apt package is installed without a pinned version.",
    aliases: ["DL3008", "kics:965a08d7-ef86-4f14-8792-4a3b2098937e"],
    messages: {
      unpinned: "The apt package `{{pkg}}` has no version, so each rebuild installs whatever the mirror serves that day; pin it as `{{pkg}}=<version>` (see `apt-cache policy {{pkg}}`).",
    },
  },
  check({ model, report }) {
    for (const { word } of unpinnedPackages(model, "apt")) {
      report({ messageId: "unpinned", data: { pkg: word.value }, range: word.range });
    }
  },
});
