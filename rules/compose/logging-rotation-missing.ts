import { isMap, isScalar, type Node } from "yaml";
import { isRecord, type ComposeModel, type ComposeService } from "../../src/engine/parse/compose.js";
import { fullServices, oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { insertServiceKey } from "../../src/engine/service-key-order.js";
import { isOverrideService, lifecycleOf, serviceDefines } from "../../src/engine/service-lifecycle.js";
import type { Fix, Range } from "../../src/engine/types.js";

/** json-file (the daemon's usual default) keeps one unbounded file unless `max-size` is set; `local` rotates by default. */
function rotates(logging: Record<string, unknown>): boolean {
  const driver = logging.driver;
  if (driver !== undefined && driver !== null && driver !== "json-file") return true;
  return isRecord(logging.options) && logging.options["max-size"] !== undefined;
}

export default defineComposeRule({
  meta: {
    id: "logging-rotation-missing",
    code: "DC304",
    category: "reliability",
    severity: "warning",
    description: "A service logs to json-file (the default) without `max-size`, so its log grows until the disk is full.",
    aliases: [],
    deploymentOnly: true,
    fixable: true,
    messages: {
      missing: "Service `{{service}}` has no `logging:` settings, so with Docker's default json-file driver its log grows without limit until the disk is full; set `logging.options.max-size` (and `max-file`).",
      missingAnchor: "Service `{{service}}` has no `logging:` settings, so with Docker's default json-file driver its log grows without limit; this file already defines a rotating configuration as `&{{anchor}}`: add `logging: *{{anchor}}`.",
      noMaxSize: "Service `{{service}}` logs with the json-file driver but without `max-size`, so its log grows until the disk is full; add `max-size` (and `max-file`) under `logging.options`.",
    },
  },
  check({ model, project, report }) {
    const anchors = rotatingAnchors(model);
    const once = oncePerRange();
    for (const service of fullServices(model)) {
      if (lifecycleOf(model, service) !== "long-running" || isOverrideService(project, model, service)) continue;
      const logging = service.data.logging;
      if (isRecord(logging)) {
        if (typeof logging.driver === "string" && logging.driver.includes("$")) continue;
        if (rotates(logging)) continue;
        const at = logging.options !== undefined ? "options" : logging.driver !== undefined ? "driver" : null;
        const range = at ? model.locateKey([...service.path, "logging", at]) : model.locateKey([...service.path, "logging"]);
        if (!once(range)) continue;
        report({ messageId: "noMaxSize", data: { service: service.name }, range, service: service.name });
        continue;
      }
      if (logging !== undefined || serviceDefines(project, model, service, (d) => d.logging !== undefined) !== false) continue;
      const range = model.locateKey(service.path);
      const anchor = anchorDefinedBefore(model, anchors, range);
      report({
        messageId: anchor ? "missingAnchor" : "missing",
        data: { service: service.name, anchor: anchor ?? "" },
        range,
        service: service.name,
        fix: anchor ? anchorFix(model, service, anchor) : undefined,
      });
    }
  },
});

/** A rotating logging configuration under a top-level `x-` key (`x-logging: &default-logging`) and where it is defined. */
interface RotatingAnchor {
  name: string;
  offset: number;
}

function rotatingAnchors(model: ComposeModel): RotatingAnchor[] {
  const root = model.doc.contents;
  if (!isMap(root)) return [];
  const anchors: RotatingAnchor[] = [];
  for (const pair of root.items) {
    if (!isScalar(pair.key) || !String(pair.key.value).startsWith("x-")) continue;
    const value = pair.value as Node | null;
    const candidates = [value, isMap(value) ? (value.get("logging", true) as Node | undefined) : undefined];
    for (const node of candidates) {
      if (!isMap(node) || !node.anchor || !node.range) continue;
      const js: unknown = node.toJS(model.doc);
      if (isRecord(js) && (js.driver !== undefined || js.options !== undefined) && rotates(js)) anchors.push({ name: node.anchor, offset: node.range[0] });
    }
  }
  return anchors;
}

/**
 * A YAML alias can only name an anchor written before it in the same document: the first rotating
 * anchor defined before the service's key with no `---` between them.
 */
function anchorDefinedBefore(model: ComposeModel, anchors: RotatingAnchor[], serviceKey: Range | null): string | null {
  if (!serviceKey || !anchors.length) return null;
  const offset = model.index.offset(serviceKey.start);
  const sameDocument = (a: RotatingAnchor) => model.documents < 2 || !/^---(?:[ \t]|\r?$)/m.test(model.text.slice(a.offset, offset));
  return anchors.find((a) => a.offset < offset && sameDocument(a))?.name ?? null;
}

function anchorFix(model: ComposeModel, service: ComposeService, anchor: string): Fix | undefined {
  const edit = insertServiceKey(model, service.path, "logging", `logging: *${anchor}`);
  return edit && { description: `Use the *${anchor} logging settings`, edits: [edit] };
}
