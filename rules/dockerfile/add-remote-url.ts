import { instructionsNamed } from "../../src/engine/instruction-index.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { copyOperands } from "../../src/engine/copy.js";

const DOWNLOAD = /^(https?|ftp):\/\//i;
/** Git sources are pinned by their ref, not by a content checksum. */
const GIT = /(\.git)(#|$)|^https?:\/\/[^/]+\/[^#]+\.git\b/i;

export default defineDockerfileRule({
  meta: {
    id: "add-remote-url",
    code: "DF109",
    category: "security",
    severity: "warning",
    description: "ADD downloads a URL without --checksum, so the content is never verified.",
    aliases: ["kics:4b410d24-1cbe-4430-a632-62c9a931cf1c"],
    messages: {
      unverified: "ADD downloads `{{url}}` without `--checksum`, so whatever the server returns today goes into the image unverified; add `--checksum=sha256:<digest>` or download with curl and check the hash in RUN.",
    },
  },
  check({ model, report }) {
    for (const ins of instructionsNamed(model, "ADD")) {
      if (ins.flags.some((f) => f.name === "checksum")) continue;
      for (const src of copyOperands(model, ins).sources) {
        if (!DOWNLOAD.test(src.value) || GIT.test(src.value)) continue;
        report({ messageId: "unverified", data: { url: src.value }, range: src.range });
      }
    }
  },
});
