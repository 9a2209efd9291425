import { oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { noNewPrivileges, securityOpts, securityOptsOf } from "../../src/engine/security-opts.js";
import { servicesLacking } from "../../src/engine/service-lifecycle.js";

export default defineComposeRule({
  meta: {
    id: "no-new-privileges-missing",
    code: "DC109",
    category: "security",
    severity: "info",
    description: "A service does not set `security_opt: [no-new-privileges:true]`.",
    aliases: ["kics:27fcc7d6-c49b-46e0-98f1-6c082a6a2750"],
    messages: {
      missing: "Service `{{service}}` does not set `no-new-privileges:true`, so setuid binaries in the image can still raise a process's privileges. Add it under `security_opt`.",
      disabled: "Service `{{service}}` sets `no-new-privileges` to false, so setuid binaries in the image can raise a process's privileges. Set it to true.",
    },
  },
  check({ model, project, report }) {
    const once = oncePerRange();
    for (const service of servicesLacking(project, model, (d) => noNewPrivileges(securityOptsOf(d, [])).enabled)) {
      const { opt } = noNewPrivileges(securityOpts(service));
      if (opt) {
        const range = model.locate(opt.path);
        if (once(range)) report({ messageId: "disabled", data: { service: service.name }, range, service: service.name });
        continue;
      }
      const hasOpts = service.data.security_opt !== undefined;
      report({
        messageId: "missing",
        data: { service: service.name },
        range: model.locateKey(hasOpts ? [...service.path, "security_opt"] : service.path),
        service: service.name,
      });
    }
  },
});
