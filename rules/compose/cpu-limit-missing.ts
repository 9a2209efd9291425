import { locateDeepestKey } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { cpuBoundOtherwise, hasDeployLimits, resourceLimit } from "../../src/engine/resource-limits.js";
import { servicesLacking } from "../../src/engine/service-lifecycle.js";

export default defineComposeRule({
  meta: {
    id: "cpu-limit-missing",
    code: "DC202",
    category: "efficiency",
    severity: "warning",
    description: "A service has no CPU limit (`deploy.resources.limits.cpus` or `cpus`).",
    aliases: ["kics:6b610c50-99fb-4ef0-a5f3-e312fd945bc3"],
    deploymentOnly: true,
    messages: {
      missing: "Service `{{service}}` has no CPU limit, so a busy loop or a load spike can take every core and starve the other services on the host. Set `deploy.resources.limits.cpus` (or `cpus`).",
      missingDeploy: "Service `{{service}}` has no CPU limit, so a busy loop or a load spike can take every core and starve the other services on the host. Add `cpus` under its `deploy.resources.limits` (not a service-level `cpus`, which Compose refuses when that mapping does not repeat it).",
    },
  },
  check({ model, project, report }) {
    for (const service of servicesLacking(project, model, (d) => resourceLimit(d, "cpus") !== null || cpuBoundOtherwise(d))) {
      report({
        messageId: hasDeployLimits(service.data) ? "missingDeploy" : "missing",
        data: { service: service.name },
        range: locateDeepestKey(model, [...service.path, "deploy", "resources", "limits"], service.path.length),
        service: service.name,
      });
    }
  },
});
