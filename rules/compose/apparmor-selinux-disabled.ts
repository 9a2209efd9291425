import { oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { securityOpts } from "../../src/engine/security-opts.js";
import { isWindowsService } from "../../src/engine/service-lifecycle.js";

/** SELinux process types the policy leaves unconfined: `spc_t` ("super privileged container") and `unconfined_t`. */
const UNCONFINED_TYPE = /^type[:=](spc_t|unconfined_t)$/;

export default defineComposeRule({
  meta: {
    id: "apparmor-selinux-disabled",
    code: "DC111",
    category: "security",
    severity: "warning",
    description: "A service turns off AppArmor (`apparmor=unconfined`) or SELinux labelling (`label=disable`).",
    aliases: [],
    messages: {
      apparmor: "Service `{{service}}` runs with `{{option}}`, dropping the AppArmor profile that blocks writes to /proc and /sys and mounting filesystems. Remove it, or load a custom profile with `apparmor:<name>`.",
      selinux: "Service `{{service}}` runs with `{{option}}`, so SELinux no longer confines it to its own files. Remove it, or relabel the mounts it needs with `:z` / `:Z`.",
      selinuxType: "Service `{{service}}` runs with the SELinux type `{{type}}`, which SELinux does not confine, so it can reach the host's files like an unconfined process. Remove it, or relabel the mounts it needs with `:z` / `:Z`.",
    },
  },
  check({ model, project, report }) {
    const once = oncePerRange();
    for (const service of model.services) {
      // The Windows daemon reads no security option but a credential spec.
      if (!service.data.security_opt || isWindowsService(project, model, service)) continue;
      for (const opt of securityOpts(service)) {
        const type = opt.name === "label" ? UNCONFINED_TYPE.exec(opt.value)?.[1] : undefined;
        const messageId = opt.name === "apparmor" && opt.value === "unconfined" ? "apparmor" : opt.name === "label" && /^disable(:true)?$/.test(opt.value) ? "selinux" : type ? "selinuxType" : null;
        if (!messageId) continue;
        const range = model.locate(opt.path);
        if (!once(range)) continue;
        // As written (Docker takes `=` and the older `:` alike); a variable without a default: the option read.
        const option = opt.text?.trim() ?? `${opt.name}=${opt.value}`;
        report({ messageId, data: { service: service.name, type: type ?? "", option }, range, service: service.name });
      }
    }
  },
});
