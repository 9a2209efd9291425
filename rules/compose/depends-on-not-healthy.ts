import { isMap, isScalar, type Node } from "yaml";
import { serviceDatastore } from "../../src/engine/datastores.js";
import { dirname } from "../../src/engine/paths.js";
import { healthcheckOf, type ComposeModel, type YamlPath } from "../../src/engine/parse/compose.js";
import type { Project, ProjectService } from "../../src/engine/project.js";
import { fullServices, oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { isOneShot, serviceDefines } from "../../src/engine/service-lifecycle.js";
import type { Fix } from "../../src/engine/types.js";
import { insertFirstKey } from "../../src/engine/yaml-edit.js";

const healthy = (d: Record<string, unknown>) => healthcheckOf(d).defined;

export default defineComposeRule({
  meta: {
    id: "depends-on-not-healthy",
    code: "DC303",
    category: "reliability",
    severity: "warning",
    description: "`depends_on` waits only for a dependency's container to start although it has a healthcheck or is a datastore.",
    aliases: [],
    fixable: true,
    messages: {
      started: "`{{service}}` waits only until `{{dependency}}` has started, not until its healthcheck passes, so it can hit a service that is not ready yet; use `condition: service_healthy`.",
      datastore: "`{{service}}` depends on the datastore `{{dependency}}`, which has no healthcheck, so it starts before the datastore accepts connections; give `{{dependency}}` a healthcheck and use `condition: service_healthy`.",
      noCondition: "`{{service}}` lists `{{dependency}}` under `depends_on` as a mapping without `condition`, which Compose refuses (the mapping form requires one); `{{dependency}}` has a healthcheck, so add `condition: service_healthy`.",
      neverHealthy: "`{{service}}` waits for `{{dependency}}` to be healthy, but `{{dependency}}` {{why}}, so it never reports healthy and Compose fails to start `{{service}}`; give `{{dependency}}` a healthcheck or wait with `condition: service_started`.",
    },
  },
  check({ model, project, report }) {
    const dir = dirname(model.path);
    // The services of this file and of the Compose files beside it, by name.
    const here = new Map<string, ProjectService>();
    const beside = new Map<string, ProjectService[]>();
    for (const s of project.services) {
      if (dirname(s.composeFile) !== dir) continue;
      if (s.composeFile === model.path) here.set(s.name, s);
      (beside.get(s.name) ?? beside.set(s.name, []).get(s.name)!).push(s);
    }
    // Entries shared through an anchor (`<<: *defaults`) are reported once, where they are written.
    const once = oncePerRange();
    for (const service of fullServices(model)) {
      for (const dep of service.dependsOn) {
        if (dep.condition === "service_completed_successfully") continue;
        const namesakes = beside.get(dep.service) ?? [];
        const target = here.get(dep.service) ?? namesakes.find((s) => !s.compose.partial);
        if (!target) continue;
        const targetModel = project.composeFiles.find((f) => f.path === target.composeFile) ?? model;
        if (dep.condition === "service_healthy") {
          // Compose fails a dependant that waits for the health of a container without a healthcheck.
          const why = withoutCheck(project, targetModel, target);
          if (!why || namesakes.some((s) => healthy(s.compose.data))) continue;
          const range = model.locateKey(dep.path);
          if (once(range)) report({ messageId: "neverHealthy", data: { service: service.name, dependency: dep.service, why }, range, service: service.name });
          continue;
        }
        if (target.healthcheck.disabled) continue;
        // A healthcheck inherited with `extends` counts; one extended from another file is unknown.
        const inherited = target.healthcheck.defined || serviceDefines(project, targetModel, target.compose, healthy);
        if (inherited === null) continue;
        const hasCheck = inherited || namesakes.some((s) => healthy(s.compose.data));
        // A datastore image run as a job (an init script) is awaited with service_completed_successfully instead.
        if (!hasCheck && (!serviceDatastore(target.compose) || isOneShot(targetModel, target.compose))) continue;
        const mapForm = typeof dep.path[dep.path.length - 1] === "string";
        // A mapping without `condition` is no wait at all: Compose refuses it (schema-invalid says so).
        const noCondition = mapForm && dep.condition === null;
        if (noCondition && !hasCheck) continue;
        const range = mapForm ? model.locateKey(dep.path) : model.locate(dep.path);
        if (!once(range)) continue;
        report({
          messageId: noCondition ? "noCondition" : hasCheck ? "started" : "datastore",
          data: { service: service.name, dependency: dep.service },
          range,
          service: service.name,
          fix: hasCheck && mapForm ? conditionFix(model, dep.path) : undefined,
        });
      }
    }
  },
});

/**
 * Why a service never reports healthy, or null when it may: its healthcheck switched off, or no
 * test anywhere for a service built here (no `healthcheck:`, or options without `test`, and a
 * Dockerfile stage without HEALTHCHECK, nor a base it `extends` or an override with a test).
 * An image not built here may carry its own test.
 */
function withoutCheck(project: Project, model: ComposeModel, target: ProjectService): string | null {
  if (target.healthcheck.disabled) return "switches its healthcheck off";
  if (!target.stage || target.healthcheck.defined || serviceDefines(project, model, target.compose, healthy) !== false) return null;
  if (target.compose.healthcheck.imageTest) return "has healthcheck options but no `test` and its Dockerfile has no HEALTHCHECK";
  return target.compose.data.healthcheck === undefined ? "has no healthcheck, in Compose or in its Dockerfile" : null;
}

/** Map form only: replaces an explicit condition, or adds one above the entry's first key. */
function conditionFix(model: ComposeModel, path: YamlPath): Fix | undefined {
  const node = model.doc.getIn(path, true) as Node | undefined;
  if (!isMap(node) || node.flow || !node.items.length) return undefined;
  const condition = node.items.find((p) => isScalar(p.key) && p.key.value === "condition");
  if (condition) {
    const value = condition.value;
    if (!isScalar(value) || !value.range || typeof value.value !== "string" || value.value.includes("$")) return undefined;
    const quote = value.type === "QUOTE_DOUBLE" || value.type === "QUOTE_SINGLE" ? 1 : 0;
    if (!quote && value.type !== "PLAIN") return undefined;
    const range = model.index.range(value.range[0] + quote, value.range[1] - quote);
    return { description: "Wait for the healthcheck", edits: [{ range, text: "service_healthy" }] };
  }
  const edit = insertFirstKey(model, path, "condition: service_healthy");
  return edit && { description: "Wait for the healthcheck", edits: [edit] };
}
