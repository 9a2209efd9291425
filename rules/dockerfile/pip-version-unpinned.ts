import { unpinnedPackages } from "../../src/engine/pinning.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "pip-version-unpinned",
    code: "DF305",
    category: "reliability",
    severity: "info",
    description: "A pip package is installed without a version specifier.",
    aliases: ["DL3013", "kics:02d9c71f-3ee8-4986-9c27-1a20d0d19bfc"],
    messages: {
      unpinned: "The pip package `{{pkg}}` has no version specifier, so rebuilds pick up new releases, breaking changes included; pin it as `{{pkg}}==<version>` or install from a pinned requirements file.",
    },
  },
  check({ model, report }) {
    for (const { word } of unpinnedPackages(model, "pip")) {
      report({ messageId: "unpinned", data: { pkg: word.value }, range: word.range });
    }
  },
});
