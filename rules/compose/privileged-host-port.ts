import { hostPortStart, isWebEntryPoint, portBinding, portsDiscarded } from "../../src/engine/ports.js";
import { oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { serviceImage } from "../../src/engine/service-lifecycle.js";

export default defineComposeRule({
  meta: {
    id: "privileged-host-port",
    code: "DC117",
    category: "security",
    severity: "info",
    description: "A port is published on a privileged host port (below 1024).",
    aliases: ["kics:bc2908f3-f73c-40a9-8793-c1b7d5544f79"],
    messages: {
      privileged: "Service `{{service}}` publishes host port {{published}}, a privileged port below 1024 reserved for system services (SSH, DNS, mail, HTTP). Publish on a port of 1024 or above unless this service is meant to be the host's public entry point.",
    },
  },
  check({ model, project, report }) {
    const once = oncePerRange();
    for (const service of model.services) {
      if (portsDiscarded(service)) continue;
      const image = serviceImage(project, model, service);
      for (const port of service.ports) {
        const binding = portBinding(port);
        const start = hostPortStart(binding);
        if (start === null || start < 1 || start >= 1024) continue;
        if (isWebEntryPoint(image, binding, port)) continue;
        const range = model.locate(port.path);
        if (!once(range)) continue;
        report({ messageId: "privileged", data: { service: service.name, published: binding.published! }, range, service: service.name });
      }
    }
  },
});
