import { containerNameOf } from "../../src/engine/container-names.js";
import { isRecord, type ComposeService } from "../../src/engine/parse/compose.js";
import { oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { canRunTogether } from "../../src/engine/service-lifecycle.js";

export default defineComposeRule({
  meta: {
    id: "duplicate-container-name",
    code: "DC306",
    category: "reliability",
    severity: "error",
    description: "Two services set the same `container_name`, or a service with several replicas sets one.",
    aliases: ["no-duplicate-container-names"],
    messages: {
      duplicate: "Services `{{first}}` and `{{service}}` both set `container_name: {{name}}`; Compose refuses the whole project before creating any container (\"container name … is already in use by service …\"), so give each service its own name or drop `container_name`.",
      scaled: "Service `{{service}}` sets `container_name: {{name}}` but asks for {{replicas}} containers (`{{key}}`); a container name is unique, so Compose refuses to scale it. Drop `container_name` or run one replica.",
    },
  },
  check({ model, report }) {
    const seen = new Map<string, ComposeService[]>();
    const once = oncePerRange();
    for (const service of model.services) {
      const name = containerNameOf(service);
      if (!name) continue;
      if (typeof service.replicas === "number" && service.replicas > 1) {
        const range = model.locate([...service.path, "container_name"]);
        const key = isRecord(service.data.deploy) && service.data.deploy.replicas !== undefined && service.data.deploy.replicas !== null ? "deploy.replicas" : "scale";
        if (once(range)) report({ messageId: "scaled", data: { service: service.name, name, replicas: service.replicas, key }, range, service: service.name });
      }
      const same = seen.get(name) ?? seen.set(name, []).get(name)!;
      const first = same.find((s) => canRunTogether(s, service));
      if (first) {
        const range = model.locate([...service.path, "container_name"]);
        // The clash is the same whichever of the services the file lists first: its identity is
        // the name, not which service it is reported on (N services with one name: N-1 findings).
        const identity = `container_name ${name}`;
        if (once(range)) report({ messageId: "duplicate", data: { first: first.name, service: service.name, name }, range, service: service.name, identity });
      }
      same.push(service);
    }
  },
});
