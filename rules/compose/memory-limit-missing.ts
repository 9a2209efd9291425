import { locateDeepestKey } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { hasDeployLimits, resourceLimit } from "../../src/engine/resource-limits.js";
import { servicesLacking } from "../../src/engine/service-lifecycle.js";

export default defineComposeRule({
  meta: {
    id: "memory-limit-missing",
    code: "DC201",
    category: "efficiency",
    severity: "warning",
    description: "A service has no memory limit (`deploy.resources.limits.memory` or `mem_limit`).",
    aliases: ["kics:bb9ac4f7-e13b-423d-a010-c74a1bfbe492"],
    deploymentOnly: true,
    messages: {
      missing: "Service `{{service}}` has no memory limit, so a leak or a load spike can take all of the host's memory and get other containers, or the host itself, killed by the OOM killer. Set `deploy.resources.limits.memory` (or `mem_limit`) a little above its normal peak.",
      missingDeploy: "Service `{{service}}` has no memory limit, so a leak or a load spike can take all of the host's memory and get other containers, or the host itself, killed by the OOM killer. Add `memory` under its `deploy.resources.limits`, a little above its normal peak (not a service-level `mem_limit`, which Compose refuses when that mapping does not repeat it).",
    },
  },
  check({ model, project, report }) {
    for (const service of servicesLacking(project, model, (d) => resourceLimit(d, "memory") !== null)) {
      report({
        messageId: hasDeployLimits(service.data) ? "missingDeploy" : "missing",
        data: { service: service.name },
        range: locateDeepestKey(model, [...service.path, "deploy", "resources", "limits"], service.path.length),
        service: service.name,
      });
    }
  },
});
