import { oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { serviceDefines } from "../../src/engine/service-lifecycle.js";

const setsUser = (d: Record<string, unknown>): boolean => (typeof d.user === "string" && d.user.trim() !== "") || typeof d.user === "number";

export default defineComposeRule({
  meta: {
    id: "runs-as-root",
    code: "DC114",
    category: "security",
    severity: "error",
    description: "A service runs as root: `user: root`/`0`, or no `user:` while its build Dockerfile stage never switches to a non-root USER.",
    aliases: [],
    messages: {
      explicit: "Service `{{service}}` sets `user: {{user}}`, so its process runs as root and a compromise of it is root in the container, one step from the host. Use a non-root UID (e.g. `user: \"1000:1000\"`).",
      byDefault: "Service `{{service}}` sets `user: {{user}}`, which is root unless the environment sets the variable, so by default its process runs as root and a compromise of it is root in the container, one step from the host. Default to a non-root UID (e.g. `${UID:-1000}`).",
      built: "Service `{{service}}` runs as root: it is built from {{origin}}, and sets no `user:`. A compromise of its process is then root in the container, one step from the host; add a non-root USER to that stage or set `user:` on the service.",
    },
  },
  check({ model, project, report }) {
    const once = oncePerRange();
    for (const svc of project.services) {
      if (svc.composeFile !== model.path || svc.user.root !== true) continue;
      const path = svc.compose.path;
      if (svc.user.source === "compose") {
        const range = model.locate([...path, "user"]);
        const messageId = svc.user.user?.includes("$") ? "byDefault" : "explicit";
        if (once(range)) report({ messageId, data: { service: svc.name, user: svc.user.user ?? "root" }, range, service: svc.name });
        continue;
      }
      // A `user:` from a base it extends, or from an override merged over it, is the one that runs.
      if (serviceDefines(project, model, svc.compose, setsUser) !== false) continue;
      const stage = svc.stage;
      const where = stage?.name ? `${svc.dockerfilePath} stage \`${stage.name}\`` : `the final stage of ${svc.dockerfilePath}`;
      const why = svc.user.source === "dockerfile" ? `whose USER is ${svc.user.user}` : "which has no USER";
      report({ messageId: "built", data: { service: svc.name, origin: `${where}, ${why}` }, range: model.locateKey(path), service: svc.name });
    }
  },
});
