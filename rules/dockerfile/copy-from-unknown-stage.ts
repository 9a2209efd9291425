import { additionalContextNames } from "../../src/engine/build-context.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { closest } from "../../src/engine/suggest.js";

export default defineDockerfileRule({
  meta: {
    id: "copy-from-unknown-stage",
    code: "DF323",
    category: "reliability",
    severity: "warning",
    description: "COPY --from names no earlier stage, so Docker tries to pull an image of that name.",
    aliases: ["DL3022"],
    messages: {
      unknown: "`--from={{name}}` names no stage, so Docker looks for a build context or an image called `{{name}}` and the build fails or copies from the wrong place. Did you mean stage `{{guess}}`?",
      later: "`--from={{name}}` names a stage defined further down: the classic builder fails on it, and readers expect stages to be built top to bottom. Move stage `{{name}}` above this one.",
      index: "`--from={{name}}` points at stage number {{name}}, which comes after this stage (there are {{count}} stage(s) above it, numbered from 0): the classic builder fails on it. Copy from an earlier stage, by name.",
    },
  },
  check({ model, project, report }) {
    const contexts = additionalContextNames(project, model.path);
    // Stage names by their first and last index (names compare case-insensitively).
    const first = new Map<string, number>();
    const last = new Map<string, number>();
    for (const s of model.stages) {
      const key = s.name?.toLowerCase();
      if (key === undefined) continue;
      if (!first.has(key)) first.set(key, s.index);
      last.set(key, s.index);
    }
    let guesses = 0;
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== "COPY") continue;
        const flag = ins.flags.find((f) => f.name.toLowerCase() === "from");
        const name = flag?.value;
        const range = flag?.valueRange ?? flag?.range;
        if (!flag || !name || !range || name.includes("$")) continue;
        if (/^\d+$/.test(name)) {
          if (Number(name) > stage.index) report({ messageId: "index", data: { name, count: stage.index }, range });
          continue;
        }
        if (/[:/@.]/.test(name)) continue; // an image reference such as nginx:1.27 or ghcr.io/org/tool
        const lower = name.toLowerCase();
        if ((first.get(lower) ?? Infinity) < stage.index) continue;
        if (stage.name?.toLowerCase() === lower) continue; // copy-from-self
        if ((last.get(lower) ?? -1) > stage.index) {
          report({ messageId: "later", data: { name }, range });
          continue;
        }
        // Any other plain word may be a named build context (`--build-context name=…`); only a
        // near miss of a stage name is reported, unless Compose declares that context.
        if (contexts.has(lower) || guesses++ > 50) continue;
        const before = model.stages.slice(0, stage.index).flatMap((s) => (s.name ? [s.name] : []));
        const guess = closest(name, before.slice(-200));
        if (guess) report({ messageId: "unknown", data: { name, guess }, range });
      }
    }
  },
});

