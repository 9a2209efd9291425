import { interpolate } from "../../src/engine/parse/interpolation.js";
import { oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";

export default defineComposeRule({
  meta: {
    id: "host-ipc",
    code: "DC106",
    category: "security",
    severity: "warning",
    description: "A service shares the host's IPC namespace (`ipc: host`).",
    aliases: ["kics:baa3890f-bed7-46f5-ab8f-1da8fc91c729"],
    messages: {
      host: "Service `{{service}}` uses `ipc: host`, so it can read and write the host's shared memory and semaphores. Remove it: a browser or other process that only needs a bigger /dev/shm gets one with `shm_size`, and services that share memory with each other can use `ipc: shareable` on one and `ipc: \"service:<name>\"` on the other.",
    },
  },
  check({ model, report }) {
    const once = oncePerRange();
    for (const service of model.services) {
      const value = service.data.ipc;
      if (typeof value !== "string" || interpolate(value).trim() !== "host") continue;
      const range = model.locate([...service.path, "ipc"]);
      if (!once(range)) continue;
      report({ messageId: "host", data: { service: service.name }, range, service: service.name });
    }
  },
});
