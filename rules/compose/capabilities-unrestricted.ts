import { capabilityName } from "../../src/engine/capabilities.js";
import { isTrueValue } from "../../src/engine/compose-values.js";
import { oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { servicesLacking } from "../../src/engine/service-lifecycle.js";

/** Capabilities that amount to, or lead straight to, control of the host or of other containers. */
const DANGEROUS = new Set([
  "ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE", "SYS_MODULE", "SYS_RAWIO", "SYS_BOOT", "SYS_TIME", "DAC_READ_SEARCH",
  "BPF", "PERFMON", "MAC_ADMIN", "MAC_OVERRIDE", "LINUX_IMMUTABLE", "SYSLOG", "SYS_RESOURCE",
]);

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** `cap_drop: [ALL]`, or `privileged` as Compose reads it (which this rule leaves to the privileged rule). */
const dropsAll = (d: Record<string, unknown>): boolean => isTrueValue(d.privileged) || list(d.cap_drop).some((c) => capabilityName(c) === "ALL");

export default defineComposeRule({
  meta: {
    id: "capabilities-unrestricted",
    code: "DC108",
    category: "security",
    severity: "warning",
    description: "A service adds a dangerous Linux capability, or does not drop the default capabilities with `cap_drop: [ALL]`.",
    aliases: ["kics:ce76b7d0-9e77-464d-b86f-c5c48e03e22d"],
    options: { requireDropAll: true },
    optionTypes: { requireDropAll: "boolean" },
    messages: {
      dangerous: "Service `{{service}}` adds the {{cap}} capability, which gives a compromised process a direct path to the host or other containers. Remove it, or replace it with the narrowest capability the service needs.",
      noDropAll: "Service `{{service}}` keeps Docker's default capabilities (CHOWN, SETUID, NET_RAW, …) that most services never use. Add `cap_drop: [ALL]` and `cap_add` back only what it needs.",
    },
  },
  check({ model, project, options, report }) {
    const once = oncePerRange();
    for (const service of model.services) {
      list(service.data.cap_add).forEach((cap, i) => {
        const name = capabilityName(cap);
        if (!DANGEROUS.has(name)) return;
        const range = model.locate([...service.path, "cap_add", i]);
        if (!once(range)) return;
        report({ messageId: "dangerous", data: { service: service.name, cap: name }, range, service: service.name });
      });
    }
    if (options.requireDropAll === false) return;
    for (const service of servicesLacking(project, model, dropsAll)) {
      const hasDrop = service.data.cap_drop !== undefined;
      // Info, not the rule's warning: nearly every service of real Compose files lacks it (see the doc).
      report({
        messageId: "noDropAll",
        severity: "info",
        data: { service: service.name },
        range: model.locateKey(hasDrop ? [...service.path, "cap_drop"] : service.path),
        service: service.name,
      });
    }
  },
});
