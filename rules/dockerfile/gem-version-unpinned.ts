import { unpinnedPackages } from "../../src/engine/pinning.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "gem-version-unpinned",
    code: "DF308",
    category: "reliability",
    severity: "info",
    description: "A Ruby gem is installed without a version.",
    aliases: ["DL3028", "kics:22cd11f7-9c6c-4f6e-84c0-02058120b341"],
    messages: {
      unpinned: "The gem `{{pkg}}` has no version, so every rebuild installs the newest release; pin it as `{{pkg}}:<version>` (or `-v <version>` for a single gem).",
    },
  },
  check({ model, report }) {
    for (const { word } of unpinnedPackages(model, "gem")) {
      report({ messageId: "unpinned", data: { pkg: word.value }, range: word.range });
    }
  },
});
