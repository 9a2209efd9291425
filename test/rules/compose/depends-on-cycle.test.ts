import rule from "../../../rules/compose/depends-on-cycle.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    // A chain and a diamond are no cycle.
    "services:\n  web:\n    image: web:1\n    depends_on: [api, cache]\n  api:\n    image: api:1\n    depends_on:\n      db:\n        condition: service_healthy\n  cache:\n    image: redis:7\n    links: [db]\n  db:\n    image: postgres:16\n",
    // A service another file defines is not part of this file's graph; container: volumes are no service.
    "services:\n  api:\n    image: api:1\n    depends_on: [worker]\n    volumes_from: [\"container:api\"]\n",
  ],
  invalid: [
    {
      code: "services:\n  api:\n    image: api:1\n    depends_on: [worker]\n  worker:\n    image: api:1\n    depends_on:\n      api:\n        condition: service_started\n",
      errors: [{ messageId: "cycle", line: 8, column: 7, endLine: 8, endColumn: 10, service: "worker", data: { service: "worker", target: "api", via: "depends_on", cycle: "`api` → `worker` → `api`" } }],
    },
    {
      // Through links, volumes_from and a shared network namespace; a service that depends on itself.
      code: "services:\n  a:\n    image: a:1\n    links: [\"b:bee\"]\n  b:\n    image: b:1\n    volumes_from: [\"c:ro\"]\n  c:\n    image: c:1\n    network_mode: service:a\n  d:\n    image: d:1\n    depends_on: [d]\n",
      errors: [
        { messageId: "cycle", line: 10, column: 19, endLine: 10, endColumn: 28, service: "c", data: { service: "c", target: "a", via: "network_mode", cycle: "`a` → `b` → `c` → `a`" } },
        { messageId: "cycle", line: 13, column: 18, endLine: 13, endColumn: 19, service: "d", data: { service: "d", target: "d", via: "depends_on", cycle: "`d` → `d`" } },
      ],
    },
    {
      // Two cycles through one service are two findings; one cycle is reported once.
      code: "services:\n  hub:\n    image: hub:1\n    depends_on: [left, right]\n  left:\n    image: l:1\n    depends_on: [hub]\n  right:\n    image: r:1\n    depends_on: [hub]\n",
      errors: [
        { messageId: "cycle", line: 7, column: 18, endLine: 7, endColumn: 21, service: "left" },
        { messageId: "cycle", line: 10, column: 18, endLine: 10, endColumn: 21, service: "right" },
      ],
    },
  ],
});
