import { defineComposeRule } from "../../src/engine/rule.js";
import { extendsCycles, type ExtendsLink } from "../../src/engine/service-lifecycle.js";

export default defineComposeRule({
  meta: {
    id: "extends-cycle",
    code: "DC315",
    category: "reliability",
    severity: "error",
    description: "Services `extends` each other in a cycle (or a service extends itself), which Compose refuses.",
    aliases: [],
    messages: {
      cycle: "Service `{{service}}` extends `{{base}}` in the cycle {{cycle}}, which `docker compose` refuses (\"Circular reference\"), so not one service of the project starts; remove one of these `extends`.",
    },
  },
  check({ model, project, report }) {
    if (model.problems.length) return;
    for (const cycle of extendsCycles(project, model)) {
      // A cycle through several files is reported once, in the file whose path sorts first.
      const files = [...new Set(cycle.map((l) => l.file.path))].sort();
      if (files[0] !== model.path) continue;
      const name = (l: ExtendsLink) => (l.file === model ? `\`${l.service.name}\`` : `\`${l.service.name}\` (${l.file.path})`);
      const [first] = cycle;
      const base = cycle[1 % cycle.length];
      const identity = cycle.map((l) => `${l.file.path}:${l.service.name}`).sort().join(" ");
      report({
        messageId: "cycle",
        data: { service: first.service.name, base: base.service.name, cycle: [...cycle, first].map(name).join(" → ") },
        range: model.locateKey([...first.service.path, "extends"]),
        service: first.service.name,
        identity: `extends ${identity}`,
      });
    }
  },
});
