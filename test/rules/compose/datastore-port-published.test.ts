import rule from "../../../rules/compose/datastore-port-published.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    // Host network: Docker discards `ports`, so no mapping publishes anything (host-network reports it).
    "services:\n  db:\n    image: postgres:16\n    network_mode: \"${DB_NETWORK:-host}\"\n    ports:\n      - \"5433:5432\"\n",
    "services:\n  db:\n    image: postgres:16\n",
    "services:\n  db:\n    image: postgres:16\n    ports:\n      - \"127.0.0.1:5432:5432\"\n",
    "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"8080:80\"\n",
    "services:\n  db:\n    image: postgres:16\n    ports:\n      - \"127.0.0.1::5432\"\n",
    "services:\n  db:\n    image: postgres:16\n    expose:\n      - \"5432\"\n",
  ],
  invalid: [
    {
      // No host port: Docker publishes the container port on a random host port, on every interface.
      code: "services:\n  db:\n    image: postgres:16\n    ports:\n      - \"5432\"\n      - target: 5432\n      - \"0.0.0.0::5432\"\n",
      errors: [
        { messageId: "randomPort", line: 5, column: 9, endLine: 5, endColumn: 15, data: { service: "db", what: "PostgreSQL", target: "5432" } },
        { messageId: "randomPort", line: 6, column: 9, endLine: 6, endColumn: 21 },
        { messageId: "randomPort", line: 7, column: 9, endLine: 7, endColumn: 24 },
      ],
    },
    {
      // A required variable for the host port: published on all interfaces whatever its value.
      code: "services:\n  db:\n    image: postgres:16\n    ports:\n      - \"${DB_PORT:?set DB_PORT}:5432\"\n",
      errors: [{ messageId: "published", line: 5, column: 9, endLine: 5, endColumn: 39, data: { service: "db", what: "PostgreSQL", target: "5432", published: "${DB_PORT}" } }],
    },
    {
      // Bound to one non-loopback address: reachable from that network, but not on all interfaces.
      code: "services:\n  db:\n    image: postgres:16\n    ports:\n      - \"10.0.0.5:5432:5432\"\n      - target: 5432\n        published: 5433\n        host_ip: 192.168.1.10\n",
      errors: [
        { messageId: "publishedOn", line: 5, column: 9, endLine: 5, endColumn: 29, data: { service: "db", what: "PostgreSQL", target: "5432", published: "5432", hostIp: "10.0.0.5" } },
        { messageId: "publishedOn", line: 6, column: 9, endLine: 8, endColumn: 30, data: { service: "db", what: "PostgreSQL", target: "5432", published: "5433", hostIp: "192.168.1.10" } },
      ],
    },
    {
      // A variable that holds the whole mapping (default `:5432:5432`): `127.0.0.1:` in front would
      // give `127.0.0.1::5432:5432`, so no fix.
      code: "services:\n  db:\n    image: postgres:16\n    ports:\n      - ${DB_PORT-:5432:5432}\n",
      errors: [{ messageId: "published", line: 5, column: 9, endLine: 5, endColumn: 30, service: "db" }],
    },
    {
      code: "services:\n  db:\n    image: postgres:16\n    ports:\n      - \"5433:5432\"\n",
      errors: [{ messageId: "published", line: 5, column: 9, endLine: 5, endColumn: 20, service: "db" }],
      output: "services:\n  db:\n    image: postgres:16\n    ports:\n      - \"127.0.0.1:5433:5432\"\n",
    },
    {
      code: "services:\n  cache:\n    image: redis:7-alpine\n    ports:\n      - 6380:6379\n      - target: 6379\n        published: 6381\n",
      errors: [
        { messageId: "published", line: 5, column: 9, endLine: 5, endColumn: 18 },
        { messageId: "published", line: 6, column: 9, endLine: 7, endColumn: 24 },
      ],
      output: "services:\n  cache:\n    image: redis:7-alpine\n    ports:\n      - 127.0.0.1:6380:6379\n      - target: 6379\n        published: 6381\n",
    },
    {
      code: "services:\n  search:\n    image: elasticsearch:8.15.0\n    ports: [\"0.0.0.0:9201:9200\"]\n",
      errors: [{ messageId: "published", line: 4, column: 13, endLine: 4, endColumn: 32 }],
      output: "services:\n  search:\n    image: elasticsearch:8.15.0\n    ports: [\"127.0.0.1:9201:9200\"]\n",
    },
    {
      code: "services:\n  db:\n    image: postgres:16\n    ports:\n      - \"${DB_PORT}:5432\"\n      - \"${DB_BIND}:5433:5432\"\n",
      errors: [{ messageId: "published", line: 5, column: 9, endLine: 5, endColumn: 26 }],
    },
    {
      // Written once in an anchor and merged into three services: one finding, where it is written.
      code: "x-worker: &worker\n  image: acme/worker:1.2\n  ports: [\"5432:5432\"]\nservices:\n  w1:\n    <<: *worker\n  w2:\n    <<: *worker\n  w3:\n    <<: *worker\n",
      errors: [{ messageId: "published", line: 3, column: 11, endLine: 3, endColumn: 22, service: "w1" }],
    },
  ],
});
