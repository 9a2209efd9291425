import { isRecord } from "../../src/engine/parse/compose.js";
import { fullServices } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { isOverrideService, lifecycleOf, serviceDefines } from "../../src/engine/service-lifecycle.js";

export default defineComposeRule({
  meta: {
    id: "restart-policy-missing",
    code: "DC302",
    category: "reliability",
    severity: "warning",
    description: "A long-running service has neither `restart:` nor `deploy.restart_policy`.",
    aliases: [],
    messages: {
      missing: "Service `{{service}}` has no restart policy, so it stays down after a crash or a host reboot; add `restart: unless-stopped` (or `deploy.restart_policy`).",
    },
  },
  check({ model, project, report }) {
    for (const service of fullServices(model)) {
      if (lifecycleOf(model, service) !== "long-running" || isOverrideService(project, model, service)) continue;
      const defines = serviceDefines(project, model, service, (d) => d.restart !== undefined || (isRecord(d.deploy) && d.deploy.restart_policy !== undefined));
      if (defines !== false) continue;
      report({ messageId: "missing", data: { service: service.name }, range: model.locateKey(service.path), service: service.name });
    }
  },
});
