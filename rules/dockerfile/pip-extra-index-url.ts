import { pipArgsStart, runInvocations } from "../../src/engine/invocations.js";
import { everyInstruction } from "../../src/engine/instruction-index.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

const ENV_NAME = /^PIP_EXTRA_INDEX_URL$/i;
const CONFIG_KEY = /^(global|install|download|wheel)\.extra-index-url$/;

export default defineDockerfileRule({
  meta: {
    id: "pip-extra-index-url",
    code: "DF119",
    category: "security",
    severity: "warning",
    description: "pip is given an extra package index, which opens the door to dependency confusion.",
    aliases: [],
    messages: {
      extra: "pip installs the highest version it finds on any index, so with an extra index a package of the same name published on PyPI by anyone can replace your private one (dependency confusion); use a single `--index-url` that proxies both, or `--require-hashes`.",
    },
  },
  check({ model, report }) {
    for (const ins of everyInstruction(model)) {
      if (ins.keyword !== "ENV" && ins.keyword !== "ARG") continue;
      for (const p of ins.properties) if (ENV_NAME.test(p.name) && p.value.trim()) report({ messageId: "extra", range: p.nameRange });
    }
    for (const inv of runInvocations(model)) {
      const c = inv.command;
      if (!c) continue;
      for (const a of c.assigns) if (ENV_NAME.test(a.name) && a.value.trim()) report({ messageId: "extra", range: c.range });
      const start = pipArgsStart(inv);
      if (start < 0) continue;
      for (const word of c.args.slice(start)) {
        if (word.value === "--extra-index-url" || word.value.startsWith("--extra-index-url=") || CONFIG_KEY.test(word.value)) {
          report({ messageId: "extra", range: word.range });
        }
      }
    }
  },
});
