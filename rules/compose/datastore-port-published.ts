import { datastoreImage, datastorePort, LOOPBACK } from "../../src/engine/datastores.js";
import { fullServices } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { isScalar } from "yaml";

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
    },
  },
  check({ model, report }) {
    for (const service of fullServices(model)) {
      const byImage = datastoreImage(service.image);
      for (const port of service.ports) {
        if (!port.published || (port.hostIp && LOOPBACK.test(port.hostIp))) continue;
        const what = datastorePort(port.target) ?? (byImage ? byImage : null);
        if (!what) continue;
        const range = model.locate(port.path);
        const node = model.doc.getIn(port.path, true);
        const quoted = isScalar(node) && (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE");
        const fixable = range && isScalar(node) && !port.hostIp;
        report({
          messageId: "published",
          data: { service: service.name, what, target: port.target, published: port.published },
          range,
          service: service.name,
          fix: fixable
            ? {
                description: "Bind the port to 127.0.0.1",
                edits: [{ range: { start: shift(range.start, quoted ? 1 : 0), end: shift(range.start, quoted ? 1 : 0) }, text: "127.0.0.1:" }],
              }
            : undefined,
        });
      }
    }
  },
});

const shift = (p: { line: number; column: number }, by: number) => ({ line: p.line, column: p.column + by });
