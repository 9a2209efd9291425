import { capabilityName } from "../../src/engine/capabilities.js";
import { containerPortStart } from "../../src/engine/ports.js";
import { oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";

const caps = (v: unknown): string[] => (Array.isArray(v) ? v.map(capabilityName) : []);

export default defineComposeRule({
  meta: {
    id: "privileged-container-port",
    code: "DC124",
    category: "security",
    severity: "off",
    description: "A service listens on a container port below 1024 and keeps the NET_BIND_SERVICE capability (off by default).",
    aliases: ["kics:bc2908f3-f73c-40a9-8793-c1b7d5544f79"],
    messages: {
      privileged:
        "Service `{{service}}` listens on port {{target}} inside its container, a privileged port, and so keeps the NET_BIND_SERVICE capability. Have the process listen on a port of 1024 or above (publish it wherever you like) and add `cap_drop: [NET_BIND_SERVICE]`, or `cap_drop: [ALL]`.",
    },
  },
  check({ model, report }) {
    const once = oncePerRange();
    for (const service of model.services) {
      const dropped = caps(service.data.cap_drop);
      // Dropped, or added back on purpose: the service has said what it needs.
      if (dropped.includes("NET_BIND_SERVICE") || dropped.includes("ALL") || caps(service.data.cap_add).includes("NET_BIND_SERVICE")) continue;
      for (const port of service.ports) {
        const start = containerPortStart(port);
        if (start === null || start < 1 || start >= 1024) continue;
        const range = model.locate(port.path);
        if (!once(range)) continue;
        report({ messageId: "privileged", data: { service: service.name, target: port.target }, range, service: service.name });
      }
    }
  },
});
