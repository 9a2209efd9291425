import { commandsByRun } from "../../src/engine/cache-cleanup.js";
import type { DfInstruction } from "../../src/engine/parse/dockerfile.js";
import { positionals } from "../../src/engine/package-managers.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { hasCacheMount } from "../../src/engine/run-mounts.js";
import { chainInstructions, shippedStages } from "../../src/engine/stage-roles.js";

/**
 * Values of `PIP_NO_CACHE_DIR` that switch the cache off. pip parses the value with `strtobool` only to
 * reject garbage, then disables the cache for *any* boolean word, false ones included (kept for
 * backwards compatibility, pypa/pip#5735): `PIP_NO_CACHE_DIR=off` or `=0` disables it just like `=1`.
 */
const DISABLES = /^(y|yes|t|true|on|1|n|no|f|false|off|0)$/i;
/** `PIP_NO_CACHE_DIR=<boolean word>` set inline or exported in the RUN. */
const INLINE = /PIP_NO_CACHE_DIR=["']?(y|yes|t|true|on|1|n|no|f|false|off|0)(?![\w.-])/i;

/** `--no-cache-dir`, or a prefix pip takes for it (its option parser accepts any unambiguous one: `--no-cache`). */
const NO_CACHE_DIR = /^--no-cache(-(d(ir?)?)?)?$/;

export default defineDockerfileRule({
  meta: {
    id: "pip-cache-kept",
    code: "DF207",
    category: "efficiency",
    severity: "info",
    description: "`pip install` without `--no-cache-dir` keeps pip's download cache in the image.",
    aliases: ["DL3042", "kics:f2f903fb-b977-461e-98d7-b3e2185c6118"],
    fixable: true,
    messages: {
      cache: "`pip install` keeps every downloaded wheel in ~/.cache/pip inside this layer; add `--no-cache-dir`, set `ENV PIP_NO_CACHE_DIR=1`, or use a cache mount.",
    },
  },
  check({ model, project, report }) {
    const shipped = shippedStages(model, project);
    const envDisables = (ins: DfInstruction) => ins.keyword === "ENV" && ins.properties.some((p) => p.name === "PIP_NO_CACHE_DIR" && DISABLES.test(p.value));
    for (const [instruction, commands] of commandsByRun(model)) {
      if (INLINE.test(instruction.argsText) || hasCacheMount(instruction, (t) => /(^|\/)\.cache(\/pip)?$|pip/.test(t))) continue;
      const stage = model.stages[instruction.stageIndex];
      // A builder stage whose files are only copied elsewhere: its layers, cache included, are thrown away.
      if (!stage || !shipped.has(stage)) continue;
      const chain = chainInstructions(stage);
      const at = chain.indexOf(instruction);
      if (chain.slice(0, at < 0 ? chain.length : at).some(envDisables)) continue;
      for (const { tool, command } of commands) {
        if (tool !== "pip" || command.args.some((a) => NO_CACHE_DIR.test(a.value))) continue;
        const sub = positionals(command, ["--cache-dir", "--log", "--python"])[0]?.word;
        if (sub?.value !== "install") continue;
        const exec = !!instruction.execForm && sub.raw.startsWith('"');
        report({
          messageId: "cache",
          range: sub.range,
          fix: { description: "Add --no-cache-dir", edits: [{ range: { start: sub.range.end, end: sub.range.end }, text: exec ? ', "--no-cache-dir"' : " --no-cache-dir" }] },
        });
      }
    }
  },
});
