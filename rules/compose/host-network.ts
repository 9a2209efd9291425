import { interpolate } from "../../src/engine/parse/interpolation.js";
import { oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";

export default defineComposeRule({
  meta: {
    id: "host-network",
    code: "DC104",
    category: "security",
    severity: "warning",
    description: "A service shares the host's network namespace (`network_mode: host`).",
    aliases: ["kics:071a71ff-f868-47a4-ac0b-3c59e4ab5443"],
    messages: {
      host: "Service `{{service}}` uses `network_mode: host`, so it sees every host interface, can bind any host port and bypasses the Compose network's isolation. Use a Compose network and publish only the ports it needs.",
    },
  },
  check({ model, report }) {
    const once = oncePerRange();
    for (const service of model.services) {
      if (!service.networkMode || interpolate(service.networkMode).trim() !== "host") continue;
      const range = model.locate([...service.path, "network_mode"]);
      if (!once(range)) continue;
      report({ messageId: "host", data: { service: service.name }, range, service: service.name });
    }
  },
});
