import { instructionsNamed } from "../../src/engine/instruction-index.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "maintainer-deprecated",
    code: "DF401",
    category: "maintainability",
    severity: "info",
    description: "MAINTAINER is deprecated; use the org.opencontainers.image.authors label.",
    aliases: ["DL4000", "buildkit:MaintainerDeprecated", "DS-0022", "CKV_DOCKER_6", "kics:99614418-f82b-4852-a9ae-5051402b741c"],
    fixable: true,
    messages: {
      deprecated: "MAINTAINER is deprecated and only fills a legacy field most tools ignore; use `LABEL org.opencontainers.image.authors=\"…\"` instead.",
    },
  },
  check({ model, report }) {
    for (const ins of instructionsNamed(model, "MAINTAINER")) {
      const value = ins.argsText.trim();
      const quoted = /^"[^"\\]*"$/.test(value) ? value : /^[^"\\$\n]*$/.test(value) ? JSON.stringify(value) : null;
      const label = ins.keywordText === ins.keywordText.toLowerCase() ? "label" : "LABEL";
      report({
        messageId: "deprecated",
        range: ins.range,
        fix: quoted && !value.includes("$")
          ? { description: "Replace MAINTAINER with the OCI authors label", edits: [{ range: ins.range, text: `${label} org.opencontainers.image.authors=${quoted}` }] }
          : undefined,
      });
    }
  },
});
