import { interpolate, variableRefs } from "../../src/engine/parse/interpolation.js";
import { composeStrings, scalarSubRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { isPlaceholder, isSecretName, isWeakSecret, mayNameSecret } from "../../src/engine/secrets.js";

const mayReferToSecret = (value: string) => value.includes("$") && mayNameSecret(value);

export default defineComposeRule({
  meta: {
    id: "secret-default-fallback",
    code: "DC119",
    category: "security",
    severity: "error",
    description: "A secret-named variable has a literal fallback (`${POSTGRES_PASSWORD:-change_me}`), used silently when the variable is unset.",
    aliases: [],
    messages: {
      fallback: "`{{name}}` falls back to the literal `{{fallback}}` when it is unset, so a deployment that forgets to set it silently runs with a credential that is in the repository. Require it instead: `${{{name}}:?{{name}} must be set}`.",
      weak: "`{{name}}` falls back to the well-known default `{{fallback}}` when it is unset, so a deployment that forgets to set it silently runs with a password anyone would guess. Require it instead: `${{{name}}:?{{name}} must be set}`.",
    },
  },
  check({ model, report }) {
    // A `$` in a value is written as `$` or as a double-quoted escape (`\x24`, `\u0024`).
    if (!model.text.includes("$") && !model.text.includes("\\")) return;
    for (const found of composeStrings(model, mayReferToSecret)) {
      // Path and range are worked out only for the few strings that get this far.
      const { value, path, range } = found;
      for (const ref of variableRefs(value)) {
        if ((ref.operator !== ":-" && ref.operator !== "-") || !isSecretName(ref.name)) continue;
        const fallback = interpolate(ref.operand ?? "").trim();
        // Empty, a secret file's path, or a value that means "no credential" (`${API_KEY:-invalid}`).
        if (isPlaceholder(fallback) || /^(nil|invalid|unset)$/i.test(fallback)) continue;
        const service = path[0] === "services" && path.length > 1 ? String(path[1]) : undefined;
        report({
          messageId: isWeakSecret(fallback) ? "weak" : "fallback",
          data: { name: ref.name, fallback },
          range: scalarSubRange(model, range, value, ref.start, ref.end),
          service,
          secret: fallback,
        });
      }
    }
  },
});
