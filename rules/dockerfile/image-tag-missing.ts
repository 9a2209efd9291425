import { additionalContextNames } from "../../src/engine/build-context.js";
import { fromTakesBuildArg, resolveStageImage } from "../../src/engine/image-refs.js";
import { interpolate } from "../../src/engine/parse/interpolation.js";
import type { Project } from "../../src/engine/project.js";
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
      missingDefault: "The base image `{{image}}`, which the build arguments' defaults give this FROM, has no tag, so every build that does not pass its own with `--build-arg` pulls whatever `latest` is that day; give the ARG default a version tag such as `{{image}}:<version>`.",
    },
  },
  check({ model, project, report }) {
    const local = locallyBuiltImages(project);
    const contexts = additionalContextNames(project, model.path);
    for (const stage of model.stages) {
      const image = stage.image;
      if (!image || image.ref.toLowerCase() === "scratch") continue;
      const resolved = resolveStageImage(model, stage);
      if (!resolved || resolved.tag || resolved.digest || resolved.ref.toLowerCase() === "scratch") continue;
      // An image this project's Compose file builds (`build:` with `image: app-base`): its `latest` is the local build.
      if (local.has(resolved.ref)) continue;
      // A named build context Compose passes (`additional_contexts`): BuildKit takes it instead of pulling.
      if (contexts.has(resolved.ref.toLowerCase())) continue;
      report({
        messageId: fromTakesBuildArg(model, stage) ? "missingDefault" : "missing",
        data: { image: resolved.ref },
        range: image.range,
      });
    }
  },
});

/** Untagged `image:` names of Compose services that also have `build:`: images the project builds itself. */
function locallyBuiltImages(project: Project): Set<string> {
  const names = new Set<string>();
  for (const s of project.services) {
    if (!s.compose.build || !s.compose.image) continue;
    const name = interpolate(s.compose.image).trim();
    if (name && !/[:@]/.test(name.slice(name.lastIndexOf("/") + 1))) names.add(name);
  }
  return names;
}
