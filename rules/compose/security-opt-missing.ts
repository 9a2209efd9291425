import { defineComposeRule } from "../../src/engine/rule.js";
import { isWindowsService, servicesLacking } from "../../src/engine/service-lifecycle.js";

export default defineComposeRule({
  meta: {
    id: "security-opt-missing",
    code: "DC112",
    category: "security",
    severity: "off",
    description: "A service has no `security_opt` at all.",
    aliases: ["kics:610e266e-6c12-4bca-9925-1ed0cd29742b"],
    messages: {
      missing: "Service `{{service}}` sets no `security_opt`, so it runs with the daemon's defaults only. Add at least `no-new-privileges:true`, and a custom seccomp or AppArmor profile where the service allows it.",
    },
  },
  check({ model, project, report }) {
    for (const service of servicesLacking(project, model, (d) => d.security_opt !== undefined)) {
      // The Windows daemon reads no security option but a credential spec.
      if (isWindowsService(project, model, service)) continue;
      report({ messageId: "missing", data: { service: service.name }, range: model.locateKey(service.path), service: service.name });
    }
  },
});
