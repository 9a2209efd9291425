import { oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { securityOpts } from "../../src/engine/security-opts.js";
import { isWindowsService } from "../../src/engine/service-lifecycle.js";

export default defineComposeRule({
  meta: {
    id: "seccomp-unconfined",
    code: "DC110",
    category: "security",
    severity: "error",
    description: "A service turns off Docker's default seccomp profile (`seccomp:unconfined`).",
    aliases: ["kics:404fde2c-bc4b-4371-9747-7054132ac953"],
    messages: {
      unconfined: "Service `{{service}}` runs with `seccomp:unconfined`, which lets it call every kernel syscall, including the ones most container escapes use. Remove it, or point seccomp at a profile that allows only the extra syscalls the service needs.",
    },
  },
  check({ model, project, report }) {
    const once = oncePerRange();
    for (const service of model.services) {
      // The Windows daemon reads no security option but a credential spec.
      if (!service.data.security_opt || isWindowsService(project, model, service)) continue;
      for (const opt of securityOpts(service)) {
        // `label:seccomp:unconfined` is malformed, but it says the same and is seen in the wild.
        const unconfined = (opt.name === "seccomp" && opt.value === "unconfined") || /(^|[:=])seccomp[:=]unconfined$/.test(opt.value);
        if (!unconfined) continue;
        const range = model.locate(opt.path);
        if (!once(range)) continue;
        report({ messageId: "unconfined", data: { service: service.name }, range, service: service.name });
      }
    }
  },
});
