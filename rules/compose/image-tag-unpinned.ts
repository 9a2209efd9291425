import type { ComposeModel, YamlPath } from "../../src/engine/parse/compose.js";
import { hasUnsetVariable } from "../../src/engine/compose-values.js";
import { interpolate, variableRefs } from "../../src/engine/parse/interpolation.js";
import { fullServices, oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import type { Range } from "../../src/engine/types.js";

const DEFAULT_FLOATING = ["latest", "stable", "edge", "test", "nightly", "dev", "beta", "canary", "lts"];

/** Splits `registry:5000/org/app:1.2@sha256:…` into its tag and digest. */
function tagOf(ref: string): { tag: string | null; digest: boolean } {
  const at = ref.indexOf("@");
  const name = at < 0 ? ref : ref.slice(0, at);
  const lastSegment = name.slice(name.lastIndexOf("/") + 1);
  const colon = lastSegment.lastIndexOf(":");
  return { tag: colon < 0 ? null : lastSegment.slice(colon + 1), digest: at >= 0 };
}

/** `${TAG:-}` (or `${TAG-}`) resolves like `${TAG}` when TAG is unset: the value is whatever the environment sets. */
function hasEmptyDefault(value: string): boolean {
  return variableRefs(value).some((r) => (r.operator === ":-" || r.operator === "-") && interpolate(r.operand ?? "").trim() === "");
}

export default defineComposeRule({
  meta: {
    id: "image-tag-unpinned",
    code: "DC305",
    category: "reliability",
    severity: "warning",
    description: "`image:` has no tag or a moving tag such as `latest`.",
    aliases: ["service-image-require-explicit-tag", "require-explicit-image-tag"],
    options: { prohibitedTags: DEFAULT_FLOATING },
    optionTypes: { prohibitedTags: "strings" },
    messages: {
      noTag: "Image `{{image}}` has no tag, so it means `latest` and changes whenever its publisher pushes; pin a version tag (ideally with a digest).",
      floating: "Image `{{image}}` uses the moving tag `{{tag}}`, so every pull can bring a different version; pin a version tag (ideally with a digest).",
      floatingFallback: "Image `{{image}}` falls back to the moving tag `{{tag}}` when `{{variable}}` is unset, so a deployment that does not set it can pull a different version each time; make the fallback a version tag (ideally with a digest), or require the variable (`${{{variable}}:?}`).",
    },
  },
  check({ model, options, report }) {
    const once = oncePerRange();
    const floating = new Set((Array.isArray(options.prohibitedTags) ? options.prohibitedTags : DEFAULT_FLOATING).map((t) => String(t).toLowerCase()));
    for (const service of fullServices(model)) {
      if (!service.image || service.build || typeof service.data.image !== "string") continue;
      const raw = service.image;
      const resolved = interpolate(raw).trim();
      if (!resolved) continue;
      const { tag, digest } = tagOf(resolved);
      if (digest) continue;
      const unresolved = hasUnsetVariable(raw) || hasEmptyDefault(raw);
      const path = [...service.path, "image"];
      if (tag === null || tag === "") {
        const range = model.locate(path);
        if (unresolved || !once(range)) continue;
        report({ messageId: "noTag", data: { image: resolved }, range, service: service.name });
      } else if (floating.has(tag.toLowerCase())) {
        const range = tagRange(model, path, raw, tag) ?? model.locate(path);
        if (!once(range)) continue;
        const variable = fallbackOfTag(raw, tag);
        if (variable) report({ messageId: "floatingFallback", data: { image: resolved, tag, variable }, range, service: service.name });
        else report({ messageId: "floating", data: { image: resolved, tag }, range, service: service.name });
      }
    }
  },
});

/**
 * The variable whose fallback (`${TAG:-latest}`, `${IMAGE-org/app:latest}`) ends the reference
 * with `tag`: Compose uses it only when the variable is unset (or, with `:-`, empty).
 */
function fallbackOfTag(raw: string, tag: string): string | null {
  const value = raw.trimEnd();
  const ref = variableRefs(value).find((r) => (r.operator === ":-" || r.operator === "-") && r.end === value.length);
  if (!ref) return null;
  const fallback = interpolate(ref.operand ?? "").trim();
  return fallback === tag || fallback.endsWith(`:${tag}`) ? ref.name : null;
}

/** The tag's own range when it is written literally at the end of the value. */
function tagRange(model: ComposeModel, path: YamlPath, raw: string, tag: string): Range | null {
  const range = model.locate(path);
  if (!range || !raw.endsWith(`:${tag}`)) return null;
  const text = model.index.slice(range);
  const quote = text === raw ? 0 : text === `"${raw}"` || text === `'${raw}'` ? 1 : -1;
  if (quote < 0) return null;
  const end = model.index.offset(range.end) - quote;
  return model.index.range(end - tag.length, end);
}
