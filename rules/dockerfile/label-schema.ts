import { imageStages } from "../../src/engine/invocations.js";
import type { DfProperty } from "../../src/engine/parse/dockerfile.js";
import { everyInstruction } from "../../src/engine/instruction-index.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

type LabelType = "text" | "url" | "semver" | "hash" | "rfc3339" | "spdx" | "email";

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const HASH = /^([0-9a-f]{7,40}|[0-9a-f]{64})$/i;
const RESERVED = /^(com\.docker|io\.docker|org\.dockerproject)\./;

const VALID: Record<LabelType, (v: string) => boolean> = {
  text: () => true,
  url: (v) => {
    try {
      return /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(v) && !!new URL(v);
    } catch {
      return false;
    }
  },
  semver: (v) => SEMVER.test(v),
  hash: (v) => HASH.test(v),
  rfc3339: (v) => RFC3339.test(v) && !Number.isNaN(Date.parse(v.replace(" ", "T"))),
  spdx: isSpdxExpression,
  email: (v) => {
    const inner = /^[^<>]*<([^<>]+)>$/.exec(v)?.[1] ?? v;
    const at = inner.lastIndexOf("@");
    return at > 0 && !/[\s<>()]/.test(inner.slice(0, at)) && /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(inner.slice(at + 1));
  },
};

/** SPDX license expression syntax: ids joined by AND/OR, `WITH` exceptions, parentheses. */
function isSpdxExpression(v: string): boolean {
  const tokens = v.replace(/[()]/g, " $& ").trim().split(/\s+/);
  let i = 0;
  const id = (t: string | undefined) => !!t && /^[A-Za-z0-9][A-Za-z0-9.-]*\+?$/.test(t) && !/^(AND|OR|WITH)$/.test(t);
  let depth = 0;
  const term = (): boolean => {
    if (tokens[i] === "(") {
      if (++depth > 32) return false;
      i++;
      if (!expr() || tokens[i] !== ")") return false;
      i++;
      depth--;
      return true;
    }
    if (!id(tokens[i++])) return false;
    if (tokens[i] === "WITH") return id(tokens[++i]) && !!++i;
    return true;
  };
  const expr = (): boolean => {
    if (!term()) return false;
    while (tokens[i] === "AND" || tokens[i] === "OR") {
      i++;
      if (!term()) return false;
    }
    return true;
  };
  return v.trim() !== "" && expr() && i === tokens.length;
}

export default defineDockerfileRule({
  meta: {
    id: "label-schema",
    code: "DF411",
    category: "maintainability",
    severity: "off",
    description: "Image labels do not follow the configured label schema (required labels and value types).",
    aliases: ["DL3048", "DL3049", "DL3050", "DL3051", "DL3052", "DL3053", "DL3054", "DL3055", "DL3056", "DL3058"],
    options: { schema: {} as Record<string, LabelType>, strict: false },
    optionTypes: { schema: { mapOf: { oneOf: Object.keys(VALID) } }, strict: "boolean" },
    messages: {
      invalidKey: "Label key `{{key}}` is not a valid key: use lower-case letters, digits, `.` and `-` (reverse-DNS, e.g. `org.example.team`) and stay out of the reserved `com.docker.*`, `io.docker.*` and `org.dockerproject.*` namespaces.",
      missing: "The image has no `{{key}}` label, which the label schema requires; add `LABEL {{key}}=…` to the final stage.",
      notInSchema: "Label `{{key}}` is not in the label schema, and strict labels are enabled; remove it or add it to the schema.",
      empty: "Label `{{key}}` is empty; give it a value or remove it.",
      invalidValue: "Label `{{key}}` should hold {{type}}, but its value does not parse as one.",
    },
  },
  check({ model, options, report }) {
    const schema = (options.schema && typeof options.schema === "object" ? options.schema : {}) as Record<string, LabelType>;
    const strict = options.strict === true;
    const labels: DfProperty[] = [];
    for (const ins of everyInstruction(model)) if (ins.keyword === "LABEL") labels.push(...ins.properties);
    for (const p of labels) {
      if (p.name.includes("$")) continue;
      if (!/^[a-z0-9]+([.-][a-z0-9]+)*$/.test(p.name) || RESERVED.test(p.name)) report({ messageId: "invalidKey", data: { key: p.name }, range: p.nameRange });
      const type = schema[p.name];
      if (!type) {
        if (strict && Object.keys(schema).length) report({ messageId: "notInSchema", data: { key: p.name }, range: p.nameRange });
        continue;
      }
      if (!p.value.trim()) report({ messageId: "empty", data: { key: p.name }, range: p.range });
      else if (!p.value.includes("$") && VALID[type] && !VALID[type](p.value.trim())) {
        report({ messageId: "invalidValue", data: { key: p.name, type: TYPE_NAMES[type] }, range: p.valueRange ?? p.range });
      }
    }
    const final = model.finalStage;
    if (!final) return;
    const shipped = new Set<string>();
    for (const stage of imageStages(model)) for (const ins of stage.instructions) if (ins.keyword === "LABEL") ins.properties.forEach((p) => shipped.add(p.name));
    for (const key of Object.keys(schema)) if (!shipped.has(key)) report({ messageId: "missing", data: { key }, range: final.from.range });
  },
});

const TYPE_NAMES: Record<LabelType, string> = {
  text: "text",
  url: "a URL",
  semver: "a semantic version (1.2.3)",
  hash: "a git commit hash",
  rfc3339: "an RFC 3339 timestamp",
  spdx: "an SPDX license expression",
  email: "an e-mail address",
};
