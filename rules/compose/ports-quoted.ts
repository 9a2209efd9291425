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
      base60: "The `{{section}}` entry `{{port}}` is not quoted, and YAML 1.1 parsers (PyYAML, docker-compose v1) read it as the base-60 number {{value}}; quote it as a string.",
      unquoted: "The `{{section}}` entry `{{port}}` is not quoted. It reads the same in every YAML parser, but unquoted entries such as `22:22` are base-60 numbers to YAML 1.1 parsers; quote every port entry as a string so none is misread.",
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
          const value = sexagesimal(text);
          report({
            messageId: value === null ? "unquoted" : "base60",
            data: { section, port: text, ...(value === null ? {} : { value: String(value) }) },
            range,
            service,
            fix: { description: "Quote the port", edits: [{ range, text: quoted(text, quote) }] },
          });
        }
      }
    }
  },
});

/** YAML 1.1's base-60 integer (yaml.org/type/int): `22:22`, `1:30:00`; every part after the first is 0 to 59. */
const BASE_60 = /^[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+$/;

/** The number a YAML 1.1 parser reads a plain scalar as when it is a base-60 integer, else null. */
function sexagesimal(text: string): number | null {
  if (!BASE_60.test(text)) return null;
  const sign = text.startsWith("-") ? -1 : 1;
  const digits = text.replace(/^[-+]/, "").replace(/_/g, "").split(":");
  return sign * digits.reduce((n, d) => n * 60 + Number(d), 0);
}

/**
 * A plain scalar's text as a quoted scalar of the same value: inside double quotes `"` and `\` are
 * escapes and must be escaped themselves (`${PORT:-"80"}`), inside single quotes `'` is doubled.
 */
function quoted(text: string, quote: string): string {
  return quote === "'" ? `'${text.replace(/'/g, "''")}'` : `"${text.replace(/["\\]/g, "\\$&")}"`;
}
