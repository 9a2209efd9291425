import { instructionsNamed } from "../../src/engine/instruction-index.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { copyOperands } from "../../src/engine/copy.js";
import { isArchivePath, isRemoteSource } from "../../src/engine/sources.js";

/** Flags only ADD understands; with any of them the instruction cannot become COPY as is. */
const ADD_ONLY_FLAGS = new Set(["checksum", "keep-git-dir", "unpack"]);

/**
 * A source naming one path as written: no variable, and no wildcard (`*`, `?`, `[`), which ADD
 * matches against the context and may match a tar archive that it would unpack.
 */
const isLiteralPath = (source: string): boolean => !/[$*?[]/.test(source);

export default defineDockerfileRule({
  meta: {
    id: "add-instead-of-copy",
    code: "DF108",
    category: "security",
    severity: "warning",
    description: "ADD is used for local files or folders where COPY does the job.",
    aliases: ["DL3020", "DS-0005", "CKV_DOCKER_4", "kics:9513a694-aa0d-41d8-be61-3271e056f36b"],
    fixable: true,
    messages: {
      add: "ADD copies local files like COPY but also fetches URLs and unpacks archives, so a renamed or replaced source can silently change what lands in the image; use COPY for local files.",
    },
  },
  check({ model, report }) {
    for (const ins of instructionsNamed(model, "ADD")) {
      const { sources } = copyOperands(model, ins);
      const local = sources.filter((s) => !isRemoteSource(s.value) && !isArchivePath(s.value));
      if (!local.length) continue;
      const exact = local.length === sources.length && sources.every((s) => isLiteralPath(s.value)) && !ins.flags.some((f) => ADD_ONLY_FLAGS.has(f.name));
      const text = ins.keywordText === ins.keywordText.toLowerCase() ? "copy" : "COPY";
      report({
        messageId: "add",
        range: ins.keywordRange,
        fix: exact ? { description: "Replace ADD with COPY", edits: [{ range: ins.keywordRange, text }] } : undefined,
      });
    }
  },
});
