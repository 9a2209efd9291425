import { isTrueValue, resolvedOrNull } from "../../src/engine/compose-values.js";
import { healthcheckOf, isRecord, type YamlPath } from "../../src/engine/parse/compose.js";
import { fullServices, oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { buildBases, isOverrideService, lifecycleOf, serviceDefines } from "../../src/engine/service-lifecycle.js";

const INLINE_HEALTHCHECK = /^[ \t]*HEALTHCHECK[ \t]+(?!NONE\b)/im;

export default defineComposeRule({
  meta: {
    id: "compose-healthcheck-missing",
    code: "DC301",
    category: "reliability",
    severity: "warning",
    description: "A long-running service has no healthcheck, neither in Compose nor in the Dockerfile it builds.",
    aliases: ["kics:698ed579-b239-4f8f-a388-baa4bcb13ef8"],
    messages: {
      missing: "Service `{{service}}` has no healthcheck in Compose or in its build Dockerfile, so Docker cannot tell a hung container from a working one and dependants cannot wait for it; add a `healthcheck:` (or a HEALTHCHECK to the image).",
      image: "Service `{{service}}` has no `healthcheck:` in Compose, so unless its image `{{image}}` has a HEALTHCHECK of its own, Docker cannot tell a hung container from a working one and dependants cannot wait for it; add a `healthcheck:` that probes the service.",
      disabled: "Service `{{service}}` switches its healthcheck off, so a hung container still counts as running; define a real check, or suppress this finding if turning it off is deliberate.",
      noTest: "Service `{{service}}` sets healthcheck options but no `test` (or an empty `test: []`), so Docker takes the test from the image, and the Dockerfile stage it builds has no HEALTHCHECK: there is no check at all (unless its base image defines one); add a `test:`.",
      emptyTest: "Service `{{service}}` has a healthcheck whose shell command is empty: Docker runs `/bin/sh -c \"\"`, which always succeeds, so the service counts as healthy whatever its state and dependants waiting for `service_healthy` start at once; write a command that checks the service.",
      dockerfileDisabled: "Service `{{service}}` runs a Dockerfile stage whose `HEALTHCHECK NONE` switches the check off and Compose defines none; add a `healthcheck:` so Docker can tell a hung container from a working one.",
    },
  },
  check({ model, project, report }) {
    const once = oncePerRange();
    const linkedByName = new Map(project.services.filter((s) => s.composeFile === model.path).map((s) => [s.name, s]));
    for (const service of fullServices(model)) {
      if (lifecycleOf(model, service) !== "long-running" || isOverrideService(project, model, service)) continue;
      const hc = isRecord(service.data.healthcheck) ? service.data.healthcheck : null;
      const imageTest = service.healthcheck.imageTest;
      if (hc && !imageTest) {
        if (!service.healthcheck.disabled) {
          const empty = emptyShellTest(hc.test, [...service.path, "healthcheck", "test"]);
          const range = empty && model.locate(empty);
          if (range && once(range)) report({ messageId: "emptyTest", data: { service: service.name }, range, service: service.name });
          continue;
        }
        const path = isTrueValue(hc.disable) ? [...service.path, "healthcheck", "disable"] : [...service.path, "healthcheck", "test"];
        const range = model.locate(path);
        if (once(range)) report({ messageId: "disabled", data: { service: service.name }, range, service: service.name });
        continue;
      }
      // Options without `test` count as no healthcheck unless a base or an override gives the test.
      const defines = imageTest ? (d: Record<string, unknown>) => isRecord(d.healthcheck) && !healthcheckOf(d).imageTest : (d: Record<string, unknown>) => d.healthcheck !== undefined;
      if (serviceDefines(project, model, service, defines) !== false) continue;
      // The build a service runs may be its own or that of a service it `extends`.
      const builder = [service, ...buildBases(model, service)].pop()!;
      const linked = linkedByName.get(builder.name);
      // Options without `test` on an image not built here: the image's own test is not known.
      if (imageTest) {
        if (!linked?.stage || linked.healthcheck.source === "dockerfile") continue;
        const range = model.locateKey([...service.path, "healthcheck"]);
        const messageId = linked.healthcheck.disabled ? "dockerfileDisabled" : "noTest";
        if (once(range)) report({ messageId, data: { service: service.name }, range, service: service.name });
        continue;
      }
      if (linked?.healthcheck.source === "dockerfile") continue;
      if (linked?.dockerfilePath && !linked.dockerfile && project.exists(linked.dockerfilePath) === true) continue;
      const build = isRecord(builder.data.build) ? builder.data.build : null;
      if (typeof build?.dockerfile_inline === "string" && INLINE_HEALTHCHECK.test(build.dockerfile_inline)) continue;
      // An image that is not built here may have a HEALTHCHECK of its own, which this file does not show.
      const image = builder.data.build === undefined ? service.image ?? builder.image : null;
      const messageId = linked?.healthcheck.disabled ? "dockerfileDisabled" : image ? "image" : "missing";
      report({ messageId, data: { service: service.name, ...(image && { image }) }, range: model.locateKey(service.path), service: service.name });
    }
  },
});

/**
 * Where a test is an empty shell command, which can never fail: compose-go makes a string test
 * `["CMD-SHELL", test]`, and the daemon runs a CMD-SHELL test as `/bin/sh -c <command>`, so a
 * blank command exits 0 at every probe. null for any other test, or one a variable decides.
 */
function emptyShellTest(test: unknown, path: YamlPath): YamlPath | null {
  const blank = (v: unknown) => typeof v === "string" && resolvedOrNull(v)?.trim() === "";
  if (blank(test)) return path;
  return Array.isArray(test) && test[0] === "CMD-SHELL" && blank(test[1]) ? [...path, 1] : null;
}
