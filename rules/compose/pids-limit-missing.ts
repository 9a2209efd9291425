import { resolvedOrNull } from "../../src/engine/compose-values.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { hasDeployLimits, resourceLimit } from "../../src/engine/resource-limits.js";
import { isWindowsService, judgedServices, serviceDefines } from "../../src/engine/service-lifecycle.js";

export default defineComposeRule({
  meta: {
    id: "pids-limit-missing",
    code: "DC203",
    category: "efficiency",
    severity: "info",
    description: "A service has no process limit (`pids_limit` or `deploy.resources.limits.pids`).",
    aliases: ["kics:221e0658-cb2a-44e3-b08a-db96a341d6fa"],
    deploymentOnly: true,
    messages: {
      missing: "Service `{{service}}` has no process limit, so a fork bomb or a runaway worker pool can exhaust the host's process table. Set `pids_limit` well above its peak thread count: the limit counts threads, not only processes (Elasticsearch needs 4096, a JVM or a thread-pooled server can run thousands).",
      missingDeploy: "Service `{{service}}` has no process limit, so a fork bomb or a runaway worker pool can exhaust the host's process table. Add `pids` under its `deploy.resources.limits`, well above its peak thread count (the limit counts threads, not only processes: Elasticsearch needs 4096, a JVM or a thread-pooled server can run thousands), not a service-level `pids_limit`, which Compose refuses when that mapping does not repeat it.",
      unlimited: "Service `{{service}}` sets `{{key}}` to {{value}}, which means no limit, so a fork bomb or a runaway worker pool can exhaust the host's process table. Set a positive limit.",
    },
  },
  check({ model, project, report }) {
    for (const service of judgedServices(project, model)) {
      // Docker refuses a process limit on a Windows container ("Windows does not support PidsLimit").
      if (isWindowsService(project, model, service)) continue;
      const value = resourceLimit(service.data, "pids");
      if (value === null) {
        if (serviceDefines(project, model, service, (d) => resourceLimit(d, "pids") !== null) !== false) continue;
        report({ messageId: hasDeployLimits(service.data) ? "missingDeploy" : "missing", data: { service: service.name }, range: model.locateKey(service.path), service: service.name });
        continue;
      }
      const own = service.data.pids_limit !== undefined && service.data.pids_limit !== null;
      const path = own ? [...service.path, "pids_limit"] : [...service.path, "deploy", "resources", "limits", "pids"];
      // A variable without a default (`${PIDS}`, `${PIDS:?}`) or with an empty one is unknown here.
      const text = resolvedOrNull(String(value))?.trim();
      const n = text ? Number(text) : NaN;
      if (Number.isFinite(n) && n <= 0) {
        const key = own ? "pids_limit" : "deploy.resources.limits.pids";
        report({ messageId: "unlimited", data: { service: service.name, key, value: String(value) }, range: model.locate(path), service: service.name });
      }
    }
  },
});
