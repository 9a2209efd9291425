import { additionalContextNames } from "../../src/engine/build-context.js";
import { resolveStageImage } from "../../src/engine/image-refs.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "image-digest-unpinned",
    code: "DF303",
    category: "reliability",
    severity: "off",
    description: "A FROM names its base image by tag only, without an `@sha256:` digest.",
    aliases: [],
    messages: {
      unpinned: "The base image `{{image}}` is not pinned by digest; a tag can be re-pushed, so append `@sha256:<digest>` to build from exactly the image you reviewed.",
    },
  },
  check({ model, project, report }) {
    const contexts = additionalContextNames(project, model.path);
    for (const stage of model.stages) {
      const image = stage.image;
      if (!image || image.ref.toLowerCase() === "scratch") continue;
      const resolved = resolveStageImage(model, stage);
      if (!resolved || resolved.digest || resolved.ref.toLowerCase() === "scratch" || contexts.has(resolved.ref.toLowerCase())) continue;
      report({ messageId: "unpinned", data: { image: resolved.ref }, range: image.range });
    }
  },
});
