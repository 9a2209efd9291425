import { isMap, isScalar, isSeq } from "yaml";
import { isRecord, parsePortString } from "../../src/engine/parse/compose.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { reorderFix } from "../../src/engine/yaml-reorder.js";

const compare = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

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
    const services = model.doc.get("services", true);
    if (!isMap(services)) return;
    for (const pair of services.items) {
      if (!isScalar(pair.key) || !isMap(pair.value)) continue;
      const service = String(pair.key.value);
      const ports = pair.value.get("ports", true);
      if (!isSeq(ports) || ports.items.length < 2) continue;
      const keys = ports.items.map((n) => (isScalar(n) || isMap(n) ? sortKey(n.toJS(model.doc)) : null));
      if (keys.some((k) => k === null)) continue;
      const k = keys as string[];
      const order = k.map((_, i) => i).sort((a, b) => compare(k[a], k[b]) || a - b);
      if (order.every((v, i) => v === i)) continue;
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
