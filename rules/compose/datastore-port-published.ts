import { bindToLoopbackFix } from "../../src/engine/compose-fixes.js";
import { LOOPBACK, portDatastore } from "../../src/engine/datastores.js";
import { containerSide, onAllInterfaces, portBinding, portsDiscarded } from "../../src/engine/ports.js";
import { fullServices, oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";

export default defineComposeRule({
  meta: {
    id: "datastore-port-published",
    code: "DC116",
    category: "security",
    severity: "error",
    description: "A database, cache or broker port is published on the host's network interfaces.",
    aliases: [],
    fixable: true,
    messages: {
      published: "Service `{{service}}` publishes {{what}} port {{target}} as {{published}} on all interfaces; other services reach it over the Compose network, so bind it to 127.0.0.1 or remove the mapping.",
      publishedOn: "Service `{{service}}` publishes {{what}} port {{target}} as {{published}} on the host address {{hostIp}}, so anything on that network can reach it; other services reach it over the Compose network, so bind it to 127.0.0.1 or remove the mapping.",
      randomPort: "Service `{{service}}` publishes {{what}} port {{target}} on a random host port on all interfaces (an entry without a host port still publishes it); other services reach it over the Compose network, so remove the mapping (or bind it to 127.0.0.1: `127.0.0.1::{{target}}`).",
    },
  },
  check({ model, report }) {
    const once = oncePerRange();
    for (const service of fullServices(model)) {
      if (portsDiscarded(service)) continue;
      for (const port of service.ports) {
        const binding = portBinding(port);
        if (binding.hostIp === null || LOOPBACK.test(binding.hostIp)) continue;
        // Without a host port Docker publishes the container port on a random one, on every interface.
        const randomPort = binding.published === null;
        if (randomPort && !onAllInterfaces({ ...binding, published: "" })) continue;
        const what = portDatastore(service, port);
        if (!what) continue;
        const range = model.locate(port.path);
        if (!once(range)) continue;
        report({
          messageId: randomPort ? "randomPort" : onAllInterfaces(binding) ? "published" : "publishedOn",
          data: { service: service.name, what, target: containerSide(port), published: binding.published ?? "", hostIp: binding.hostIp },
          range,
          service: service.name,
          fix: bindToLoopbackFix(model, port),
        });
      }
    }
  },
});
