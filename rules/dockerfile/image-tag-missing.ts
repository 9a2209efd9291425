import { resolveStageImage } from "../../src/engine/image-refs.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "image-tag-missing",
    code: "DF301",
    category: "reliability",
    severity: "warning",
    description: "A FROM names a base image without a tag, so it silently means `latest`.",
    aliases: ["DL3006", "DS-0001", "kics:9efb0b2d-89c9-41a3-91ca-dcc0aec911fd"],
    messages: {
      missing: "The base image `{{image}}` has no tag, so every build pulls whatever `latest` is that day; name a version tag such as `{{image}}:<version>`.",
    },
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const image = stage.image;
      if (!image || image.ref.toLowerCase() === "scratch") continue;
      const resolved = resolveStageImage(model, stage);
      if (!resolved || resolved.tag || resolved.digest || resolved.ref.toLowerCase() === "scratch") continue;
      report({
        messageId: "missing",
        data: { image: resolved.ref },
        range: image.range,
      });
    }
  },
});
