import { oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";

export default defineComposeRule({
  meta: {
    id: "cgroup-parent-custom",
    code: "DC123",
    category: "security",
    severity: "info",
    description: "A service places its container under a custom parent cgroup (`cgroup_parent`).",
    aliases: ["kics:4d9f44c6-2f4a-4317-9bb5-267adbea0232"],
    messages: {
      custom: "Service `{{service}}` sets `cgroup_parent: {{parent}}`, so its CPU, memory and pids limits come from a host cgroup that this file does not define and that other workloads may share. Remove it unless the host's cgroup layout is managed on purpose, and set limits on the service instead.",
    },
  },
  check({ model, report }) {
    const once = oncePerRange();
    for (const service of model.services) {
      const value = service.data.cgroup_parent;
      if ((typeof value !== "string" && typeof value !== "number") || String(value).trim() === "") continue;
      const range = model.locate([...service.path, "cgroup_parent"]);
      if (!once(range)) continue;
      report({
        messageId: "custom",
        data: { service: service.name, parent: String(value) },
        range,
        service: service.name,
      });
    }
  },
});
