import { copyOperands } from "../../src/engine/copy.js";
import type { DfStage, DockerfileModel } from "../../src/engine/parse/dockerfile.js";
import { instructionsNamed } from "../../src/engine/instruction-index.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { baseImageRef } from "../../src/engine/image-refs.js";

/** `/`, `/.`, `/*`: the root of the other stage's filesystem. */
const ROOT = /^["']?\/(\.|\*)?\/?["']?$/;
/** Helper images built FROM scratch to be copied whole, as their documentation shows. */
const COPY_WHOLE_IMAGES = /^(docker\.io\/)?(tonistiigi\/xx|gloursdocker\/docker)([:@]|$)/;

export default defineDockerfileRule({
  meta: {
    id: "copy-whole-stage-fs",
    code: "DF333",
    category: "reliability",
    severity: "warning",
    description: "COPY --from copies the entire filesystem of another stage or image.",
    aliases: ["DL3067"],
    messages: {
      root: "`COPY --from={{from}} {{source}}` copies the whole filesystem of `{{from}}`, including its package databases, caches and build tools, over this stage's files. Copy only the directories the image needs.",
    },
  },
  check({ model, report }) {
    for (const ins of instructionsNamed(model, "COPY")) {
      const from = ins.flags.find((f) => f.name.toLowerCase() === "from")?.value;
      if (!from) continue;
      for (const source of copyOperands(model, ins).sources) {
        if (ROOT.test(source.value) && !copiedWholeByDesign(model, from)) report({ messageId: "root", data: { from, source: source.value }, range: source.range });
      }
    }
  },
});

const stagesByName = new WeakMap<DockerfileModel, Map<string, DfStage>>();

/** A stage (or image) that is a scratch image of a few files: its root is exactly what is wanted. */
function copiedWholeByDesign(model: DockerfileModel, from: string): boolean {
  let byName = stagesByName.get(model);
  if (!byName) {
    byName = new Map();
    for (const s of model.stages) if (s.name && !byName.has(s.name.toLowerCase())) byName.set(s.name.toLowerCase(), s);
    stagesByName.set(model, byName);
  }
  const stage = /^\d+$/.test(from) ? model.stages[Number(from)] : byName.get(from.toLowerCase());
  const image = stage ? baseImageRef(model, stage) : from;
  return !!image && (image.toLowerCase() === "scratch" || COPY_WHOLE_IMAGES.test(image));
}
