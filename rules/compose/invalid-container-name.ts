import { CONTAINER_NAME, containerNameOf } from "../../src/engine/container-names.js";
import { oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";

export default defineComposeRule({
  meta: {
    id: "invalid-container-name",
    code: "DC308",
    category: "reliability",
    severity: "error",
    description: "`container_name` is not a name Docker accepts.",
    aliases: ["service-container-name-regex", "service-container-name-convention"],
    messages: {
      invalid: "`container_name: {{name}}` is not a valid Docker container name, so creating the container fails; use at least two characters from letters, digits, `_`, `.` and `-`, starting with a letter or digit.",
    },
  },
  check({ model, report }) {
    const once = oncePerRange();
    for (const service of model.services) {
      const name = containerNameOf(service);
      if (name === null || CONTAINER_NAME.test(name)) continue;
      const range = model.locate([...service.path, "container_name"]);
      if (!once(range)) continue;
      report({ messageId: "invalid", data: { name }, range, service: service.name });
    }
  },
});
