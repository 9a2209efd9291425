import { isMap, isScalar, isSeq } from "yaml";
import { serviceNodes } from "../../src/engine/query.js";
import { parsePortString } from "../../src/engine/parse/compose-short-syntax.js";
import { isRecord } from "../../src/engine/parse/compose.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { compareNumbered, reorderFix, sortOrder } from "../../src/engine/yaml-reorder.js";

/** What a port entry sorts by: its host port, else its container port. */
function sortKey(value: unknown): string | null {
  if (typeof value === "string" || typeof value === "number") {
    const port = parsePortString(String(value));
    return port.published ?? port.target;
  }
  if (isRecord(value)) return String(value.published ?? value.target ?? "");
  return null;
}

export default defineComposeRule({
  meta: {
    id: "ports-order",
    code: "DC408",
    category: "maintainability",
    severity: "off",
    description: "A service's `ports` are not sorted.",
    aliases: ["service-ports-alphabetical-order", "order-service-ports"],
    fixable: true,
    messages: {
      order: "The `ports` of `{{service}}` are not sorted by host port; a sorted list makes it easy to see which ports a service takes.",
    },
  },
  check({ model, report }) {
    if (model.documents > 1) return; // order is how one document reads; the merge of several has none
    for (const { service, node } of serviceNodes(model)) {
      const ports = node.get("ports", true);
      if (!isSeq(ports) || ports.items.length < 2) continue;
      const keys = ports.items.map((n) => (isScalar(n) || isMap(n) ? sortKey(n.toJS(model.doc)) : null));
      if (keys.some((k) => k === null)) continue;
      const order = sortOrder(keys as string[], compareNumbered);
      if (!order) continue;
      report({
        messageId: "order",
        data: { service },
        range: model.locateKey(["services", service, "ports"]),
        service,
        fix: reorderFix(model, ports, order, "Sort the ports"),
      });
    }
  },
});
