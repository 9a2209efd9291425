import { isMap } from "yaml";
import { defineComposeRule } from "../../src/engine/rule.js";
import { keyName } from "../../src/engine/yaml-edit.js";
import { compareNames, reorderFix, sortOrder } from "../../src/engine/yaml-reorder.js";

export default defineComposeRule({
  meta: {
    id: "services-order",
    code: "DC405",
    category: "maintainability",
    severity: "off",
    description: "Services are not in alphabetical order.",
    aliases: ["services-alphabetical-order", "order-services"],
    fixable: true,
    messages: {
      order: "Service `{{service}}` should come before `{{previous}}`: keeping services in alphabetical order makes a long file easier to scan and to diff.",
    },
  },
  check({ model, report }) {
    if (model.documents > 1) return; // order is how one document reads; the merge of several has none
    const services = model.doc.get("services", true);
    if (!isMap(services)) return;
    const names = services.items.map((p) => keyName(p.key));
    if (names.some((n) => n === null)) return;
    const keys = names as string[];
    const order = sortOrder(keys, compareNames);
    if (!order) return;
    let fixed = false;
    let last = keys[0];
    for (let i = 1; i < keys.length; i++) {
      if (compareNames(keys[i], last) >= 0) {
        last = keys[i];
        continue;
      }
      report({
        messageId: "order",
        data: { service: keys[i], previous: last },
        range: model.locateKey(["services", keys[i]]),
        service: keys[i],
        fix: fixed ? undefined : reorderFix(model, services, order, "Sort the services alphabetically"),
      });
      fixed = true;
    }
  },
});
