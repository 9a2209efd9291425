import { serviceNodes } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { keyName } from "../../src/engine/yaml-edit.js";
import { SERVICE_KEY_GROUPS, serviceKeyOrder } from "../../src/engine/service-key-order.js";
import { reorderFix, sortOrder } from "../../src/engine/yaml-reorder.js";

export default defineComposeRule({
  meta: {
    id: "service-keys-order",
    code: "DC406",
    category: "maintainability",
    severity: "off",
    description: "The keys of a service are not in the canonical order.",
    aliases: ["service-keys-order", "order-service-properties"],
    fixable: true,
    options: { groupOrder: Object.keys(SERVICE_KEY_GROUPS), groups: SERVICE_KEY_GROUPS },
    optionTypes: { groupOrder: "strings", groups: { mapOf: "strings" } },
    messages: {
      order: "Key `{{key}}` of service `{{service}}` should come before `{{previous}}`; a fixed key order (image and build first, then dependencies, data, environment, networking, runtime) makes services easy to compare.",
    },
  },
  check({ model, options, report }) {
    if (model.documents > 1) return; // order is how one document reads; the merge of several has none
    const groups = { ...SERVICE_KEY_GROUPS, ...(options.groups as Record<string, string[]> | undefined) };
    const groupOrder = Array.isArray(options.groupOrder) ? (options.groupOrder as string[]) : Object.keys(SERVICE_KEY_GROUPS);
    const compare = serviceKeyOrder(groupOrder.flatMap((g) => groups[g] ?? []));
    for (const { service, node } of serviceNodes(model)) {
      const names = node.items.map((p) => keyName(p.key));
      if (names.some((n) => n === null)) continue;
      const keys = names as string[];
      const order = sortOrder(keys, compare);
      if (!order) continue;
      let fixed = false;
      let last = keys[0];
      for (let i = 1; i < keys.length; i++) {
        if (compare(keys[i], last) >= 0) {
          last = keys[i];
          continue;
        }
        report({
          messageId: "order",
          data: { key: keys[i], service, previous: last },
          range: model.locateKey(["services", service, keys[i]]),
          service,
          fix: fixed ? undefined : reorderFix(model, node, order, "Reorder the service's keys"),
        });
        fixed = true;
      }
    }
  },
});
