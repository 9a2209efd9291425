import { interpolate } from "../../src/engine/parse/interpolation.js";
import { oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { isWindowsService } from "../../src/engine/service-lifecycle.js";

export default defineComposeRule({
  meta: {
    id: "host-userns",
    code: "DC107",
    category: "security",
    severity: "warning",
    description: "A service opts out of user-namespace remapping (`userns_mode: host`).",
    aliases: ["kics:8af7162d-6c98-482f-868e-0d33fb675ca8"],
    messages: {
      host: "Service `{{service}}` uses `userns_mode: host`, so root in the container is root on the host even where the daemon remaps users. Remove it and let the daemon's remapping apply.",
    },
  },
  check({ model, project, report }) {
    const once = oncePerRange();
    for (const service of model.services) {
      const value = service.data.userns_mode;
      if (typeof value !== "string" || interpolate(value).trim() !== "host") continue;
      // User namespaces are Linux's: the Windows daemon remaps no users.
      if (isWindowsService(project, model, service)) continue;
      const range = model.locate([...service.path, "userns_mode"]);
      if (!once(range)) continue;
      report({ messageId: "host", data: { service: service.name }, range, service: service.name });
    }
  },
});
