import { interpolate } from "../../src/engine/parse/interpolation.js";
import { oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";

export default defineComposeRule({
  meta: {
    id: "host-pid",
    code: "DC105",
    category: "security",
    severity: "warning",
    description: "A service shares the host's process namespace (`pid: host`).",
    aliases: ["kics:4f31dd9f-2cc3-4751-9b53-67e4af83dac0"],
    messages: {
      host: "Service `{{service}}` uses `pid: host`, so it can see and signal every process on the host and read their command lines and environment. Remove it, or share one container's namespace with `pid: \"service:<name>\"` if a sidecar needs it.",
    },
  },
  check({ model, report }) {
    const once = oncePerRange();
    for (const service of model.services) {
      const value = service.data.pid;
      if (typeof value !== "string" || interpolate(value).trim() !== "host") continue;
      const range = model.locate([...service.path, "pid"]);
      if (!once(range)) continue;
      report({ messageId: "host", data: { service: service.name }, range, service: service.name });
    }
  },
});
