import { isTrueValue } from "../../src/engine/compose-values.js";
import { oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { isWindowsService, servicesLacking } from "../../src/engine/service-lifecycle.js";

export default defineComposeRule({
  meta: {
    id: "rootfs-writable",
    code: "DC113",
    category: "security",
    severity: "off",
    description: "A service's root filesystem is writable (no `read_only: true`).",
    aliases: [],
    messages: {
      writable: "Service `{{service}}` has a writable root filesystem, so an attacker who gets in can change its binaries and configuration. Set `read_only: true` and give the paths it writes to a volume or `tmpfs`.",
    },
  },
  check({ model, project, report }) {
    const once = oncePerRange();
    for (const service of servicesLacking(project, model, (d) => isTrueValue(d.read_only))) {
      // Docker refuses `read_only` on a Windows container ("Windows does not support root filesystem in read-only mode").
      if (isWindowsService(project, model, service)) continue;
      const value = service.data.read_only;
      const present = value !== undefined && value !== null;
      const range = present ? model.locate([...service.path, "read_only"]) : model.locateKey(service.path);
      if (!once(range)) continue;
      report({
        messageId: "writable",
        data: { service: service.name },
        range,
        service: service.name,
      });
    }
  },
});
