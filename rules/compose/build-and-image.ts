import { oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";

export default defineComposeRule({
  meta: {
    id: "build-and-image",
    code: "DC309",
    category: "reliability",
    severity: "warning",
    description: "A service has both `build` and `image` but no `pull_policy` saying which wins.",
    aliases: ["no-build-and-image"],
    options: { checkPullPolicy: true },
    optionTypes: { checkPullPolicy: "boolean" },
    messages: {
      both: "Service `{{service}}` has both `build` and `image: {{image}}`, so `docker compose up` may pull a registry image of that name instead of building this source; set `pull_policy: build` to always build it (or `never` to build it when no local image has that name, never pulling), or drop one of the keys.",
    },
  },
  check({ model, options, report }) {
    const once = oncePerRange();
    for (const service of model.services) {
      if (service.data.build === undefined || service.data.image === undefined) continue;
      if (options.checkPullPolicy !== false && service.data.pull_policy !== undefined) continue;
      const range = model.locateKey([...service.path, "image"]);
      if (!once(range)) continue;
      report({ messageId: "both", data: { service: service.name, image: String(service.data.image) }, range, service: service.name });
    }
  },
});
