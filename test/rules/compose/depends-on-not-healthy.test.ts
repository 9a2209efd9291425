import rule from "../../../rules/compose/depends-on-not-healthy.js";
import { ruleTester } from "../../helpers/rule-tester.js";

const db = "  db:\n    image: postgres:16\n    healthcheck:\n      test: [\"CMD\", \"pg_isready\"]\n";

ruleTester(rule, {
  valid: [
    // Options alone, and no HEALTHCHECK in the Dockerfile: nothing to wait for with service_healthy.
    { code: "services:\n  web:\n    build: .\n    healthcheck:\n      interval: 10s\n  proxy:\n    image: nginx:1.27\n    depends_on: [web]\n", files: { Dockerfile: "FROM node:20\n" } },
    // A datastore without a healthcheck, in the mapping form without `condition`: Compose refuses
    // the entry (schema-invalid reports it); it waits for nothing, so `datastore` does not apply.
    "services:\n  redis:\n    image: redis:7-alpine\n  worker:\n    image: app:1\n    depends_on:\n      redis:\n        required: true\n",
    `services:\n${db}  api:\n    image: app:1\n    depends_on:\n      db:\n        condition: service_healthy\n`,
    // A dependency with neither a healthcheck nor a datastore image: starting is all one can wait for.
    "services:\n  web:\n    image: app:1\n  proxy:\n    image: nginx:1.27\n    depends_on:\n      - web\n",
    // A job awaited for completion, and a datastore image run as a one-shot init job.
    "services:\n  db-init:\n    image: postgres:16\n    command: psql -f /init.sql\n    restart: \"no\"\n  api:\n    image: app:1\n    depends_on:\n      - db-init\n",
    `services:\n${db}  api:\n    image: app:1\n    depends_on:\n      db:\n        condition: service_completed_successfully\n`,
    // The dependency turns its healthcheck off: service_healthy could never pass.
    "services:\n  db:\n    image: postgres:16\n    healthcheck:\n      disable: true\n  api:\n    image: app:1\n    depends_on: [db]\n",
    // Also when `disable` is a string Compose reads as true: no fix to service_healthy, which could never pass.
    "services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: [\"CMD\", \"pg_isready\"]\n      disable: \"true\"\n  api:\n    image: app:1\n    depends_on:\n      db:\n        condition: service_started\n",
    // Unknown dependency (defined elsewhere).
    "services:\n  api:\n    image: app:1\n    depends_on: [db]\n",
    // service_healthy on an image not built here: the image may carry its own HEALTHCHECK.
    "services:\n  web:\n    image: ghcr.io/acme/web:1\n  proxy:\n    image: nginx:1.27\n    depends_on:\n      web:\n        condition: service_healthy\n",
    // A datastore that extends a service of another file: whether it has a healthcheck is unknown here.
    "services:\n  db:\n    extends:\n      file: common.yaml\n      service: pg\n    image: postgres:16\n  api:\n    image: app:1\n    depends_on: [db]\n",
  ],
  invalid: [
    {
      // Healthcheck options without `test` and no HEALTHCHECK in the Dockerfile: there is no check to wait for.
      code: "services:\n  web:\n    build: .\n    healthcheck:\n      interval: 10s\n  proxy:\n    image: nginx:1.27\n    depends_on:\n      web:\n        condition: service_healthy\n",
      files: { Dockerfile: "FROM node:20\nCMD [\"node\", \"server.js\"]\n" },
      errors: [{ messageId: "neverHealthy", line: 9, column: 7, endLine: 9, endColumn: 10, data: { service: "proxy", dependency: "web", why: "has healthcheck options but no `test` and its Dockerfile has no HEALTHCHECK" } }],
    },
    {
      // No healthcheck at all, and the Dockerfile it builds has none: docker compose stops with
      // "container … has no healthcheck configured".
      code: "services:\n  web:\n    build: .\n  proxy:\n    image: nginx:1.27\n    depends_on:\n      web:\n        condition: service_healthy\n",
      files: { Dockerfile: "FROM node:20\nCMD [\"node\", \"server.js\"]\n" },
      errors: [{ messageId: "neverHealthy", line: 7, column: 7, endLine: 7, endColumn: 10, data: { service: "proxy", dependency: "web", why: "has no healthcheck, in Compose or in its Dockerfile" } }],
    },
    {
      // Options alone do not make a healthcheck to wait for; the Dockerfile's HEALTHCHECK does.
      code: "services:\n  web:\n    build: .\n    healthcheck:\n      interval: 10s\n  proxy:\n    image: nginx:1.27\n    depends_on: [web]\n",
      files: { Dockerfile: "FROM node:20\nHEALTHCHECK CMD curl -f http://localhost:3000/\n" },
      errors: [{ messageId: "started", line: 8, column: 18, endLine: 8, endColumn: 21, data: { service: "proxy", dependency: "web" } }],
    },
    {
      // Waiting for the health of a service whose healthcheck is switched off: it never becomes healthy.
      code: "services:\n  db:\n    image: postgres:16\n    healthcheck:\n      disable: true\n  api:\n    image: app:1\n    depends_on:\n      db:\n        condition: service_healthy\n  web:\n    build: .\n  proxy:\n    image: nginx:1.27\n    depends_on:\n      web: {condition: service_healthy}\n",
      files: { Dockerfile: "FROM nginx:1.27\nHEALTHCHECK NONE\n" },
      errors: [
        { messageId: "neverHealthy", line: 9, column: 7, endLine: 9, endColumn: 9, data: { service: "api", dependency: "db", why: "switches its healthcheck off" } },
        { messageId: "neverHealthy", line: 16, column: 7, endLine: 16, endColumn: 10, data: { service: "proxy", dependency: "web", why: "switches its healthcheck off" } },
      ],
    },
    {
      // List form: no exact fix (the list would have to become a mapping).
      code: `services:\n${db}  api:\n    image: app:1\n    depends_on:\n      - db\n`,
      errors: [{ messageId: "started", line: 9, column: 9, endLine: 9, endColumn: 11, service: "api" }],
    },
    {
      // Map form: the condition is replaced, or added above the entry's first key.
      code: `services:\n${db}  cache:\n    image: redis:7\n    healthcheck:\n      test: [\"CMD\", \"redis-cli\", \"ping\"]\n  api:\n    image: app:1\n    depends_on:\n      db:\n        condition: service_started\n      cache:\n        restart: true\n`,
      errors: [
        { messageId: "started", line: 13, column: 7, endLine: 13, endColumn: 9 },
        // No condition in the mapping form: Compose refuses the entry, it does not wait for a start.
        { messageId: "noCondition", line: 15, column: 7, endLine: 15, endColumn: 12, data: { service: "api", dependency: "cache" } },
      ],
      output: `services:\n${db}  cache:\n    image: redis:7\n    healthcheck:\n      test: [\"CMD\", \"redis-cli\", \"ping\"]\n  api:\n    image: app:1\n    depends_on:\n      db:\n        condition: service_healthy\n      cache:\n        condition: service_healthy\n        restart: true\n`,
    },
    {
      // The comment over the entry's first key stays with that key: the condition goes above it.
      code: `services:\n${db}  api:\n    image: app:1\n    depends_on:\n      db:\n        # restart api when db restarts\n        restart: true\n`,
      errors: [{ messageId: "noCondition", line: 9, column: 7, endLine: 9, endColumn: 9 }],
      output: `services:\n${db}  api:\n    image: app:1\n    depends_on:\n      db:\n        condition: service_healthy\n        # restart api when db restarts\n        restart: true\n`,
    },
    {
      // A datastore without a healthcheck: no fix, the dependency needs a healthcheck first.
      code: "services:\n  redis:\n    image: redis:7-alpine\n  worker:\n    image: app:1\n    depends_on:\n      redis:\n        condition: service_started\n",
      errors: [{ messageId: "datastore", line: 7, column: 7, endLine: 7, endColumn: 12 }],
    },
    {
      // The healthcheck comes from the dependency's build stage.
      code: "services:\n  web:\n    build: .\n  proxy:\n    image: nginx:1.27\n    depends_on: [web]\n",
      files: { Dockerfile: "FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\n" },
      errors: [{ messageId: "started", line: 6, column: 18, endLine: 6, endColumn: 21 }],
    },
    {
      // The datastore's healthcheck comes from the service it extends: it has one, so the message is `started`.
      code: "services:\n  pg:\n    image: postgres:16\n    healthcheck:\n      test: [\"CMD\", \"pg_isready\"]\n  db:\n    extends: pg\n    image: postgres:16\n  app:\n    image: app:1\n    depends_on:\n      db:\n        condition: service_started\n",
      errors: [{ messageId: "started", line: 12, column: 7, endLine: 12, endColumn: 9 }],
      output: "services:\n  pg:\n    image: postgres:16\n    healthcheck:\n      test: [\"CMD\", \"pg_isready\"]\n  db:\n    extends: pg\n    image: postgres:16\n  app:\n    image: app:1\n    depends_on:\n      db:\n        condition: service_healthy\n",
    },
    {
      // Not a datastore by its own keys, but its healthcheck is inherited with `extends`.
      code: "services:\n  base:\n    image: app:1\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n  api:\n    extends:\n      service: base\n  web:\n    image: app:1\n    depends_on: [api]\n",
      errors: [{ messageId: "started", line: 11, column: 18, endLine: 11, endColumn: 21 }],
    },
    {
      // An entry shared through an anchor is reported once.
      code: `x-deps: &deps\n  depends_on:\n    - db\nservices:\n${db}  a:\n    <<: *deps\n    image: app:1\n  b:\n    <<: *deps\n    image: app:1\n`,
      errors: [{ messageId: "started", line: 3, column: 7, endLine: 3, endColumn: 9, service: "a" }],
    },
    {
      // An entry inside an anchored depends_on: the condition added there would change the other service's too, so no fix.
      code: "services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: [CMD, pg_isready]\n  web:\n    image: app:1\n    depends_on: &deps\n      db:\n        required: true\n  worker:\n    image: app:1\n    depends_on: *deps\n",
      errors: [{ messageId: "noCondition", line: 9, column: 7, endLine: 9, endColumn: 9, service: "web" }],
    },
  ],
});
