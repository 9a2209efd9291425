import { isScalar, isSeq } from "yaml";
import { serviceNodes } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";

export default defineComposeRule({
  meta: {
    id: "ports-quoted",
    code: "DC403",
    category: "maintainability",
    severity: "info",
    description: "A `ports` or `expose` entry is not quoted.",
    aliases: ["require-quotes-in-ports"],
    fixable: true,
    options: { quoteType: "double", portsSections: ["ports", "expose"] },
    optionTypes: { quoteType: { oneOf: ["double", "single"] }, portsSections: "strings" },
    messages: {
      unquoted: "The `{{section}}` entry `{{port}}` is not quoted; YAML 1.1 tools read values such as `22:22` as base-60 numbers, so quote every port mapping as a string.",
    },
  },
  check({ model, options, report }) {
    const quote = options.quoteType === "single" ? "'" : '"';
    const sections = Array.isArray(options.portsSections) ? options.portsSections.map(String) : ["ports", "expose"];
    for (const { service, node } of serviceNodes(model)) {
      for (const section of sections) {
        const list = node.get(section, true);
        if (!isSeq(list)) continue;
        for (const item of list.items) {
          if (!isScalar(item) || item.type !== "PLAIN" || !item.range || item.value === null) continue;
          const range = model.index.range(item.range[0], item.range[1]);
          const text = model.index.slice(range);
          report({
            messageId: "unquoted",
            data: { section, port: text },
            range,
            service,
            fix: { description: "Quote the port", edits: [{ range, text: quoted(text, quote) }] },
          });
        }
      }
    }
  },
});

/**
 * A plain scalar's text as a quoted scalar of the same value: inside double quotes `"` and `\` are
 * escapes and must be escaped themselves (`${PORT:-"80"}`), inside single quotes `'` is doubled.
 */
function quoted(text: string, quote: string): string {
  return quote === "'" ? `'${text.replace(/'/g, "''")}'` : `"${text.replace(/["\\]/g, "\\$&")}"`;
}
