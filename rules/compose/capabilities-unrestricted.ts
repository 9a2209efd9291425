import { capabilityName } from "../../src/engine/capabilities.js";
import { isTrueValue } from "../../src/engine/compose-values.js";
import type { ComposeService } from "../../src/engine/parse/compose.js";
import { oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { isWindowsService, servicesLacking } from "../../src/engine/service-lifecycle.js";

/** The capabilities reported, with what each lets a process do (after capabilities(7)). */
const DANGEROUS: Record<string, string> = {
  ALL: "use every capability, SYS_ADMIN and SYS_MODULE among them",
  SYS_ADMIN: "mount filesystems and use many administrative kernel interfaces",
  NET_ADMIN: "reconfigure the network interfaces, routes and firewall rules of its network namespace",
  SYS_PTRACE: "trace and modify any process it can see",
  SYS_MODULE: "load modules into the host's kernel",
  SYS_RAWIO: "use I/O ports and read kernel memory through /proc/kcore",
  SYS_BOOT: "call reboot() and kexec_load()",
  SYS_TIME: "set the system clock, which the host and all its containers share",
  DAC_READ_SEARCH: "bypass read permissions and open files by handle (open_by_handle_at), past the bounds of its mounts",
  BPF: "load BPF programs into the kernel",
  PERFMON: "use the kernel's performance monitoring (perf_event_open)",
  MAC_ADMIN: "change the Mandatory Access Control (LSM) policy",
  MAC_OVERRIDE: "override Mandatory Access Control",
  LINUX_IMMUTABLE: "set and clear the immutable and append-only flags of files",
  SYSLOG: "read and clear the kernel log and see kernel addresses",
  SYS_RESOURCE: "override resource limits and disk quotas",
};

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The capabilities Docker gives a container by default (moby's oci/caps defaults), in its order. */
const DEFAULTS = ["CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW", "SETGID", "SETUID", "SETFCAP", "SETPCAP", "NET_BIND_SERVICE", "SYS_CHROOT", "KILL", "AUDIT_WRITE"];

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
      dangerous: "Service `{{service}}` adds `{{cap}}`, which lets a compromised process {{effect}}. Remove it, or replace it with the narrowest capability the service needs.",
      noDropAll: "Service `{{service}}` keeps Docker's default capabilities (CHOWN, SETUID, NET_RAW, …) that most services never use. Add `cap_drop: [ALL]` and `cap_add` back only what it needs.",
      someDropped: "Service `{{service}}` drops only {{dropped}} and keeps the rest of Docker's default capabilities ({{kept}}), most of which services never use. Drop `ALL` instead and `cap_add` back only what it needs.",
    },
  },
  check({ model, project, options, report }) {
    const once = oncePerRange();
    // Capabilities are Linux's: a Windows container has none to add or drop.
    const linux = (service: ComposeService) => !isWindowsService(project, model, service);
    for (const service of model.services.filter(linux)) {
      list(service.data.cap_add).forEach((cap, i) => {
        const name = capabilityName(cap);
        const effect = Object.hasOwn(DANGEROUS, name) ? DANGEROUS[name] : null;
        if (!effect) return;
        const range = model.locate([...service.path, "cap_add", i]);
        if (!once(range)) return;
        report({ messageId: "dangerous", data: { service: service.name, cap: String(cap).trim(), effect }, range, service: service.name });
      });
    }
    if (options.requireDropAll === false) return;
    for (const service of servicesLacking(project, model, dropsAll).filter(linux)) {
      const hasDrop = service.data.cap_drop !== undefined;
      const dropped = [...new Set(list(service.data.cap_drop).map(capabilityName))];
      const kept = DEFAULTS.filter((c) => !dropped.includes(c));
      const some = hasDrop && dropped.length > 0;
      // Every default dropped one by one: nothing of Docker's defaults is left.
      if (some && !kept.length) continue;
      // Info, not the rule's warning: nearly every service of real Compose files lacks it (see the doc).
      report({
        messageId: some ? "someDropped" : "noDropAll",
        severity: "info",
        data: some ? { service: service.name, dropped: dropped.join(", "), kept: kept.slice(0, 3).join(", ") + (kept.length > 3 ? ", …" : "") } : { service: service.name },
        range: model.locateKey(hasDrop ? [...service.path, "cap_drop"] : service.path),
        service: service.name,
      });
    }
  },
});
