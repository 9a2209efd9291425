import { isMap, isScalar, isSeq } from "yaml";
import { serviceNodes } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { keyName } from "../../src/engine/yaml-edit.js";
import { compareNames, reorderFix, sortOrder } from "../../src/engine/yaml-reorder.js";

export default defineComposeRule({
  meta: {
    id: "depends-on-order",
    code: "DC407",
    category: "maintainability",
    severity: "off",
    description: "`depends_on` entries are not in alphabetical order.",
    aliases: ["service-dependencies-alphabetical-order", "order-service-dependencies"],
    fixable: true,
    messages: {
      order: "The `depends_on` entries of `{{service}}` are not in alphabetical order; sorted lists are easier to scan and merge with fewer conflicts.",
    },
  },
  check({ model, report }) {
    if (model.documents > 1) return; // order is how one document reads; the merge of several has none
    for (const { service, node } of serviceNodes(model)) {
      const deps = node.get("depends_on", true);
      const names = isSeq(deps)
        ? deps.items.map((n) => (isScalar(n) ? String(n.value) : null))
        : isMap(deps)
          ? deps.items.map((p) => keyName(p.key))
          : [];
      if (names.length < 2 || names.some((n) => n === null)) continue;
      const order = sortOrder(names as string[], compareNames);
      if (!order) continue;
      report({
        messageId: "order",
        data: { service },
        range: model.locateKey(["services", service, "depends_on"]),
        service,
        fix: isSeq(deps) || isMap(deps) ? reorderFix(model, deps, order, "Sort depends_on alphabetically") : undefined,
      });
    }
  },
});
