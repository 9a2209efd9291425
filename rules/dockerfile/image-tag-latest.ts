import { fromTakesBuildArg, resolveStageImage, tagRange } from "../../src/engine/image-refs.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

export default defineDockerfileRule({
  meta: {
    id: "image-tag-latest",
    code: "DF302",
    category: "reliability",
    severity: "warning",
    description: "A FROM uses the moving `latest` tag.",
    aliases: ["DL3007", "DS-0001", "CKV_DOCKER_7", "kics:f45ea400-6bbe-4501-9fc7-1c3d75c32067"],
    messages: {
      latest: "The base image `{{image}}` uses the `latest` tag, which moves with every upstream release, so the same Dockerfile builds different images; pin a version tag (and ideally a digest).",
      latestDefault: "The base image `{{image}}`, which the build arguments' defaults give this FROM, uses the `latest` tag, which moves with every upstream release, so every build that does not pass its own with `--build-arg` builds a different image; pin a version tag in the ARG default (and ideally a digest).",
    },
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const image = stage.image;
      if (!image) continue;
      const resolved = resolveStageImage(model, stage);
      if (!resolved || resolved.tag !== "latest" || resolved.digest) continue;
      report({ messageId: fromTakesBuildArg(model, stage) ? "latestDefault" : "latest", data: { image: resolved.ref }, range: tagRange(image) ?? image.range });
    }
  },
});
