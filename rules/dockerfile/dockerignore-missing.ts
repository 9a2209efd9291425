import { buildContexts, hasOwnDockerignore, isWholeContext } from "../../src/engine/build-context.js";
import { copyOperands } from "../../src/engine/copy.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import type { DfInstruction, DfWord } from "../../src/engine/parse/dockerfile.js";

export default defineDockerfileRule({
  meta: {
    id: "dockerignore-missing",
    code: "DF214",
    category: "efficiency",
    severity: "warning",
    description: "The Dockerfile copies the whole build context, and the context has no .dockerignore.",
    aliases: [],
    messages: {
      missing: "`{{keyword}} {{source}}` copies the whole build context `{{context}}`, which has no .dockerignore, so .git, .env files, node_modules and local build output are sent to the builder and can end up in the image; add a .dockerignore to `{{context}}`.",
    },
  },
  check({ model, project, report }) {
    let first: { ins: DfInstruction; source: DfWord } | null = null;
    // ONBUILD triggers copy the context of the downstream build, not this one
    for (const ins of model.instructions) {
      if ((ins.keyword !== "COPY" && ins.keyword !== "ADD") || ins.flags.some((f) => f.name.toLowerCase() === "from")) continue;
      const source = copyOperands(model, ins).sources.find((s) => isWholeContext(s.value));
      if (source) {
        first = { ins, source };
        break;
      }
    }
    if (!first || hasOwnDockerignore(model, project)) return;
    const missing = buildContexts(model, project).filter((c) => c.dockerignore === null);
    if (!missing.length) return;
    report({
      messageId: "missing",
      data: { keyword: first.ins.keyword, source: first.source.value, context: missing.map((c) => c.dir || ".").join("`, `") },
      range: first.source.range,
    });
  },
});
