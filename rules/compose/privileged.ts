import { isTrueValue } from "../../src/engine/compose-values.js";
import { isRecord, type ComposeModel } from "../../src/engine/parse/compose.js";
import { oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import type { Range } from "../../src/engine/types.js";

export default defineComposeRule({
  meta: {
    id: "privileged",
    code: "DC101",
    category: "security",
    severity: "error",
    description: "A service runs in privileged mode, with every capability and access to all host devices.",
    aliases: ["kics:ae5b6871-7f45-42e0-bb4c-ab300c4d2026"],
    messages: {
      privileged: "Service `{{service}}` runs with `privileged: {{value}}`, which gives it every capability and the host's devices, so a compromise of the container is a compromise of the host. Remove it and add only the capabilities or devices the service needs.",
      byDefault: "Service `{{service}}` runs privileged by default (`privileged: {{value}}`), which gives it every capability and the host's devices, so a compromise of the container is a compromise of the host. Remove it (or default to false) and add only the capabilities or devices the service needs.",
      hook: "Service `{{service}}` runs its `{{hook}}` hook with `privileged: {{value}}`, which gives the hook's command every Linux capability, however few the container itself has (CIS Docker Benchmark 5.22); a command that runs files the container can write is then a way to all of them. Remove it and give the hook only the `user:` it needs.",
    },
  },
  check({ model, report }) {
    const once = oncePerRange();
    for (const service of model.services) {
      const value = service.data.privileged;
      const privileged = typeof value === "string" && value.includes("$") ? (isTrueValue(value) ? "byDefault" : null) : isTrueValue(value) ? "privileged" : null;
      if (!privileged) continue;
      const range = model.locate([...service.path, "privileged"]);
      if (!once(range)) continue;
      report({ messageId: privileged, data: { service: service.name, value: written(model, range, value) }, range, service: service.name });
    }
    for (const service of model.services) {
      for (const hook of HOOKS) {
        const entries = service.data[hook];
        if (!Array.isArray(entries)) continue;
        entries.forEach((entry, i) => {
          if (!isRecord(entry) || !isTrueValue(entry.privileged)) return;
          const range = model.locate([...service.path, hook, i, "privileged"]);
          if (once(range)) report({ messageId: "hook", data: { service: service.name, hook, value: written(model, range, entry.privileged) }, range, service: service.name });
        });
      }
    }
  },
});

/** The value as the file writes it (`"yes"`, `ON`, `true`), for the message to quote. */
function written(model: ComposeModel, range: Range | null, value: unknown): string {
  const text = range ? model.index.slice(range).trim() : "";
  return text && !text.includes("\n") ? text : String(value);
}

/** Lifecycle hooks, each run in the container like `docker exec` (with `--privileged` when they say so). */
const HOOKS = ["post_start", "pre_stop"] as const;
