import { isMap } from "yaml";
import { defineComposeRule } from "../../src/engine/rule.js";
import { keyName } from "../../src/engine/yaml-edit.js";
import { compareNames, reorderFix } from "../../src/engine/yaml-reorder.js";

const DEFAULT_ORDER = ["x-properties", "version", "name", "include", "services", "networks", "volumes", "secrets", "configs"];

export default defineComposeRule({
  meta: {
    id: "top-level-order",
    code: "DC409",
    category: "maintainability",
    severity: "off",
    description: "Top-level keys are not in the conventional order.",
    aliases: ["top-level-properties-order", "order-top-level-properties"],
    fixable: true,
    options: { customOrder: DEFAULT_ORDER },
    optionTypes: { customOrder: "strings" },
    messages: {
      order: "Top-level key `{{key}}` should come before `{{previous}}`; the usual order ({{expected}}) puts shared `x-` fragments first and lets readers find each section where they expect it.",
    },
  },
  check({ model, options, report }) {
    if (model.documents > 1) return; // order is how one document reads; the merge of several has none
    const root = model.doc.contents;
    if (!isMap(root)) return;
    const names = root.items.map((p) => keyName(p.key));
    if (names.some((n) => n === null)) return;
    const keys = names as string[];
    const custom = Array.isArray(options.customOrder) ? options.customOrder.map(String) : DEFAULT_ORDER;
    const xKeys = keys.filter((k) => k.startsWith("x-")).sort(compareNames);
    const correct = custom.flatMap((k) => (k === "x-properties" ? xKeys : [k]));
    const known = keys.filter((k) => correct.includes(k));
    const rank = (k: string) => correct.indexOf(k);
    const sorted = known.map((k) => keys.indexOf(k)).sort((a, b) => rank(keys[a]) - rank(keys[b]) || a - b);
    const order = known.length === keys.length ? sorted : null;
    let fixed = false;
    let last: string | null = null;
    for (const key of known) {
      if (last === null || rank(key) >= rank(last)) {
        last = key;
        continue;
      }
      report({
        messageId: "order",
        data: { key, previous: last, expected: custom.join(", ") },
        range: model.locateKey([key]),
        fix: fixed || !order ? undefined : reorderFix(model, root, order, "Reorder the top-level keys"),
      });
      fixed = true;
    }
  },
});
