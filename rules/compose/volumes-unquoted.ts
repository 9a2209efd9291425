import { isScalar, isSeq, parse } from "yaml";
import { serviceNodes } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";

/** True when `value` written without quotes reads back as the same string in a block or flow sequence. */
function plainIsSame(value: string, flow: boolean): boolean {
  if (!value || value !== value.trim() || /[\n\r\t]/.test(value)) return false;
  try {
    const read: unknown = parse(flow ? `[${value}]` : `- ${value}`);
    return Array.isArray(read) && read.length === 1 && read[0] === value;
  } catch {
    return false;
  }
}

export default defineComposeRule({
  meta: {
    id: "volumes-unquoted",
    code: "DC404",
    category: "maintainability",
    severity: "off",
    description: "A service `volumes` entry is quoted although it does not need quotes.",
    aliases: ["no-quotes-in-volumes"],
    fixable: true,
    messages: {
      quoted: "The volume entry `{{volume}}` is quoted although YAML reads it the same without quotes; drop the quotes to match the style of the other entries.",
    },
  },
  check({ model, report }) {
    for (const { service, node } of serviceNodes(model)) {
      const list = node.get("volumes", true);
      if (!isSeq(list)) continue;
      for (const item of list.items) {
        if (!isScalar(item) || (item.type !== "QUOTE_DOUBLE" && item.type !== "QUOTE_SINGLE") || !item.range) continue;
        const value = item.value;
        const range = model.index.range(item.range[0], item.range[1]);
        if (typeof value !== "string" || model.index.slice(range).slice(1, -1) !== value || !plainIsSame(value, !!list.flow)) continue;
        report({
          messageId: "quoted",
          data: { volume: value },
          range,
          service,
          fix: { description: "Remove the quotes", edits: [{ range, text: value }] },
        });
      }
    }
  },
});
