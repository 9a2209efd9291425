import { singleWorkerServer } from "../../src/engine/app-servers.js";
import { commandMayContain, composeCommandLines } from "../../src/engine/compose-commands.js";
import { isRecord } from "../../src/engine/parse/compose.js";
import { oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";

/** Every word singleWorkerServer can match has one of these as its last path segment. */
const SERVER_NAMES = ["uvicorn", "gunicorn"];

export default defineComposeRule({
  meta: {
    id: "compose-single-worker-server",
    code: "DC204",
    category: "efficiency",
    severity: "info",
    description: "A service's command starts uvicorn or gunicorn with a single worker process and the service has no replicas.",
    aliases: [],
    deploymentOnly: true,
    messages: {
      implicit: "Service `{{service}}` runs {{tool}} without `--workers` and has no replicas, so one process on one CPU core serves every request and a single slow or CPU-bound request holds up the rest. Add `--workers N` (about one per core the service may use), or run several replicas.",
      explicit: "Service `{{service}}` runs {{tool}} with a single worker and has no replicas, so one process on one CPU core serves every request. Raise the worker count (about one per core the service may use), or run several replicas.",
    },
  },
  check({ model, report }) {
    const once = oncePerRange();
    for (const service of model.services) {
      const deploy = isRecord(service.data.deploy) ? service.data.deploy : {};
      const replicas = service.replicas ?? 1;
      if (replicas === "unknown" || replicas > 1 || deploy.mode === "global") continue;
      // Most commands never name a server: skip shell-parsing them (the same findings, see commandMayContain).
      if (!commandMayContain(service, SERVER_NAMES)) continue;
      const env = Object.fromEntries(service.environment.map((e) => [e.name, e.value]));
      for (const line of composeCommandLines(model, service)) {
        const found = singleWorkerServer(line.map((w) => w.value), env);
        if (!found) continue;
        const range = line[found.at].range;
        if (!once(range)) continue;
        report({
          messageId: found.explicit ? "explicit" : "implicit",
          data: { service: service.name, tool: found.tool },
          range,
          service: service.name,
        });
      }
    }
  },
});
