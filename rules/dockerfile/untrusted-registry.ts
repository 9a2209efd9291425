import { resolveStageImage } from "../../src/engine/image-refs.js";
import { instructionsNamed } from "../../src/engine/instruction-index.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import type { Range } from "../../src/engine/types.js";

/** Registry part of an image reference, null for Docker Hub (`node`, `org/app`). */
function registryOf(ref: string): string | null {
  const slash = ref.indexOf("/");
  if (slash < 0) return null;
  const first = ref.slice(0, slash);
  return /[.:]/.test(first) || first === "localhost" ? first : null;
}

/** hadolint's matching: `*` any, `*.gcr.io` suffix, `registry.acme*` prefix, otherwise exact. */
function allowedBy(pattern: string, registry: string): boolean {
  if (pattern === "*") return true;
  if (pattern.startsWith("*")) return registry.endsWith(pattern.slice(1));
  if (pattern.endsWith("*")) return registry.startsWith(pattern.slice(0, -1));
  return registry === pattern;
}

export default defineDockerfileRule({
  meta: {
    id: "untrusted-registry",
    code: "DF114",
    category: "security",
    severity: "off",
    description: "A base or source image comes from a registry that is not on the configured allowlist.",
    aliases: ["DL3026"],
    options: { registries: [] as string[] },
    optionTypes: { registries: "strings" },
    messages: {
      untrusted: "`{{image}}` comes from `{{registry}}`, which is not one of the allowed registries ({{allowed}}); pull it through an approved registry or mirror, or add the registry to `registries`.",
    },
  },
  check({ model, options, report }) {
    const allowed = Array.isArray(options.registries) ? options.registries.filter((r): r is string => typeof r === "string") : [];
    if (!allowed.length) return;
    const stageNames = new Set(model.stages.map((s) => s.name?.toLowerCase()).filter(Boolean));
    const judge = (ref: string, range: Range) => {
      if (!ref || ref.includes("$") || /^\d+$/.test(ref) || stageNames.has(ref.toLowerCase()) || ref.toLowerCase() === "scratch") return;
      const registry = registryOf(ref);
      const ok = registry ? allowed.some((p) => allowedBy(p, registry)) : allowed.some((p) => allowedBy(p, "docker.io") || allowedBy(p, "hub.docker.com"));
      if (!ok) report({ messageId: "untrusted", data: { image: ref, registry: registry ?? "docker.io", allowed: allowed.join(", ") }, range });
    };
    for (const stage of model.stages) {
      const resolved = resolveStageImage(model, stage);
      if (resolved && stage.image) judge(resolved.ref, stage.image.range);
    }
    for (const ins of instructionsNamed(model, "COPY")) {
      const from = ins.flags.find((f) => f.name === "from");
      if (from?.value && from.valueRange) judge(from.value, from.valueRange);
    }
    for (const ins of instructionsNamed(model, "RUN")) {
      for (const f of ins.flags) {
        const m = f.name === "mount" ? /(?:^|,)from=([^,]+)/.exec(f.value ?? "") : null;
        if (m) judge(m[1], f.range);
      }
    }
  },
});
