import { bindToLoopbackFix } from "../../src/engine/compose-fixes.js";
import { portDatastore } from "../../src/engine/datastores.js";
import { containerSide, isWebEntryPoint, onAllInterfaces, portBinding, portsDiscarded } from "../../src/engine/ports.js";
import { oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { serviceImage } from "../../src/engine/service-lifecycle.js";

export default defineComposeRule({
  meta: {
    id: "port-all-interfaces",
    code: "DC115",
    category: "security",
    severity: "warning",
    description: "A published port has no host IP, so it listens on every interface of the host.",
    aliases: ["kics:451d79dc-0588-476a-ad03-3c7f0320abb3", "no-unbound-port-interfaces"],
    fixable: true,
    messages: {
      unbound: "Service `{{service}}` publishes port {{target}} as {{published}} on all host interfaces, so anyone who can reach the host can reach it. Bind it to 127.0.0.1 (or a specific interface) unless it must be public.",
    },
  },
  check({ model, project, report }) {
    const once = oncePerRange();
    for (const service of model.services) {
      if (portsDiscarded(service)) continue;
      const image = serviceImage(project, model, service);
      for (const port of service.ports) {
        const binding = portBinding(port);
        if (!onAllInterfaces(binding) || isWebEntryPoint(image, binding, port)) continue;
        // datastore-port-published reports these, with a stronger message.
        if (!service.partial && portDatastore(service, port)) continue;
        const range = model.locate(port.path);
        if (!once(range)) continue;
        report({
          messageId: "unbound",
          data: { service: service.name, target: containerSide(port), published: binding.published! },
          range,
          service: service.name,
          fix: bindToLoopbackFix(model, port),
        });
      }
    }
  },
});
