import rule from "../../../rules/compose/schema-invalid.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    // Extension keys, anchors, merge keys, extends, long syntax.
    "name: shop\nx-common: &common\n  restart: unless-stopped\nservices:\n  web:\n    <<: *common\n    image: nginx:1.27\n    x-team: web\n    ports:\n      - target: 80\n        published: \"8080\"\n  api:\n    extends: web\n    depends_on:\n      web:\n        condition: service_healthy\n        restart: true\n",
    // Variables: interpolated with defaults, and a number field fed by a variable is cast by Compose.
    "services:\n  web:\n    image: nginx:${TAG:-1.27}\n    ports:\n      - \"${WEB_PORT:-8080}:80\"\n      - \"${A_PORT}\"\n      - \"${B_PORT}\"\n    networks:\n      front:\n        priority: ${PRIORITY:-10}\n    privileged: ${PRIVILEGED:-false}\nnetworks:\n  front: {}\n",
    // `!reset` drops a value before Compose validates.
    "services:\n  web:\n    image: nginx:1.27\n    build: !reset null\n",
    // Repeats in the lists Compose merges before it validates (ports, volumes, environment, expose).
    "services:\n  web:\n    image: nginx:1.27\n    ports: [\"80:80\", \"80:80\", {target: 81}, {target: 81}]\n    volumes: [./a:/a, ./a:/a, {type: tmpfs, target: /t}, {type: tmpfs, target: /t}]\n    environment: [A=1, A=1]\n    expose: [80, 80]\n",
    // An empty file merged with another (an override, or beside another Compose file), and an override fragment.
    { code: "", filename: "compose.override.yaml" },
    { code: "# filled in per machine\n", files: { "compose.yaml": "services:\n  web:\n    image: nginx:1.27\n" }, filename: "compose.local.yaml" },
    "services:\n  web:\n    environment:\n      DEBUG: \"1\"\n",
    // A service-level limit equal to its deploy twin (units read as Compose reads them), or beside a
    // deploy section without that mapping; a rebuild watch needs no target.
    "services:\n  web:\n    image: nginx:1.27\n    cpus: 0.5\n    mem_limit: 1g\n    mem_reservation: 256m\n    pids_limit: ${PIDS:-100}\n    scale: 2\n    deploy:\n      replicas: 2\n      resources:\n        limits: {cpus: \"0.50\", memory: 1024M, pids: 100}\n  api:\n    image: app:1\n    cpus: 1\n    mem_limit: 512m\n    deploy:\n      resources:\n        reservations: {cpus: \"0.1\"}\n    network_mode: host\n    develop:\n      watch:\n        - action: rebuild\n          path: ./src\n",
  ],
  invalid: [
    {
      // An empty Compose file (or one of comments, or `{}`) run on its own: Compose refuses an empty project.
      code: "",
      errors: [{ messageId: "empty", line: 1, column: 1, endLine: 1, endColumn: 1 }],
    },
    { code: "# services to come\n", errors: [{ messageId: "empty", line: 1, column: 1, endLine: 1, endColumn: 1 }] },
    { code: "{}\n", errors: [{ messageId: "empty", line: 1, column: 1, endLine: 1, endColumn: 1 }] },
    {
      // Ports on a service that shares another container's network namespace.
      code: "services:\n  vpn:\n    image: example/vpn:1\n    ports: [\"8080:8080\"]\n  app:\n    image: example/app:1\n    network_mode: service:vpn\n    ports:\n      - \"9090:9090\"\n",
      errors: [{ messageId: "sharedNetworkPorts", line: 8, column: 5, endLine: 8, endColumn: 10, data: { where: "services.app.ports", value: "service:vpn" } }],
    },
    {
      // build.platforms must include the service's platform.
      code: "services:\n  web:\n    build:\n      context: .\n      platforms: [linux/amd64]\n    platform: linux/arm64\n  api:\n    build:\n      context: .\n      platforms: [linux/amd64, linux/arm64]\n    platform: linux/arm64\n",
      errors: [{ messageId: "platform", line: 6, column: 5, endLine: 6, endColumn: 13, data: { where: "services.web.platform", value: "linux/arm64" } }],
    },
    {
      // A list-form healthcheck test must say how to run it first.
      code: "services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: [\"curl\", \"-f\", \"http://localhost\"]\n  db:\n    image: postgres:16\n    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready\"]\n  cache:\n    image: redis:7\n    healthcheck:\n      test: redis-cli ping\n",
      errors: [{ messageId: "healthcheckTest", line: 5, column: 14, endLine: 5, endColumn: 20, data: { where: "services.web.healthcheck.test[0]", value: "curl" } }],
    },
    {
      // What Compose checks after the schema: service-level limits that differ from their deploy twin
      // (an absent twin counts as 0), scale against deploy.replicas, network_mode with networks,
      // dockerfile with dockerfile_inline, a sync watch without a target.
      code: "services:\n  web:\n    image: nginx:1.27\n    cpus: 1\n    mem_limit: 512m\n    scale: 2\n    deploy:\n      replicas: 3\n      resources:\n        limits:\n          memory: 256m\n    network_mode: bridge\n    networks: [back]\n    develop:\n      watch:\n        - action: sync\n          path: ./src\n  api:\n    build:\n      dockerfile: Dockerfile\n      dockerfile_inline: FROM alpine:3.20\nnetworks:\n  back: {}\n",
      errors: [
        { messageId: "distinctMissing", line: 4, column: 5, endLine: 4, endColumn: 9, data: { where: "services.web.cpus", other: "deploy.resources.limits.cpus", value: "1", holder: "deploy.resources.limits" } },
        { messageId: "distinct", line: 5, column: 5, endLine: 5, endColumn: 14, data: { where: "services.web.mem_limit", other: "deploy.resources.limits.memory", value: "512m", otherValue: "256m" } },
        { messageId: "distinct", line: 6, column: 5, endLine: 6, endColumn: 10, data: { where: "services.web.scale", other: "deploy.replicas", value: "2", otherValue: "3" } },
        { messageId: "exclusive", line: 12, column: 5, endLine: 12, endColumn: 17, data: { where: "services.web.network_mode", other: "networks" } },
        { messageId: "watchTarget", line: 16, column: 11, endLine: 17, endColumn: 22, data: { where: "services.web.develop.watch[0]", value: "sync" } },
        { messageId: "exclusive", line: 21, column: 7, endLine: 21, endColumn: 24, data: { where: "services.api.build.dockerfile_inline", other: "build.dockerfile" } },
      ],
    },
    {
      // A repeat in a list Compose does not merge.
      code: "services:\n  web:\n    image: nginx:1.27\n    cap_add: [NET_ADMIN, NET_ADMIN]\n",
      errors: [{ messageId: "other", line: 4, column: 14, endLine: 4, endColumn: 36, service: "web" }],
    },
    {
      code: "services:\n  web:\n    image: nginx:1.27\n    restrat: always\n",
      errors: [{ messageId: "unknownKey", line: 4, column: 5, endLine: 4, endColumn: 12, service: "web" }],
    },
    {
      code: "servces:\n  web:\n    image: nginx:1.27\n",
      errors: [{ messageId: "unknownKey", line: 1, column: 1, endLine: 1, endColumn: 8 }],
    },
    {
      // Inside alternatives, the branch that fits the value explains the error.
      code: "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - target: 80\n        protocl: tcp\n    volumes:\n      - target: /data\n    depends_on:\n      db:\n        condtion: service_healthy\n  db:\n    image: postgres:16\n",
      errors: [
        { messageId: "unknownKey", line: 6, column: 9, endLine: 6, endColumn: 16 },
        { messageId: "required", line: 8, column: 9, endLine: 8, endColumn: 22 },
        { messageId: "required", line: 10, column: 7, endLine: 10, endColumn: 9 },
        { messageId: "unknownKey", line: 11, column: 9, endLine: 11, endColumn: 17 },
      ],
    },
    {
      code: "services:\n  web:\n    image: nginx:1.27\n    build: 12\n    environment:\n    depends_on:\n      db:\n        condition: service_ready\n  db:\n    image: postgres:16\n",
      errors: [
        { messageId: "type", line: 4, column: 12, endLine: 4, endColumn: 14 },
        { messageId: "type", line: 5, column: 5, endLine: 5, endColumn: 16 },
        { messageId: "enum", line: 8, column: 20, endLine: 8, endColumn: 33 },
      ],
    },
    {
      // YAML problems: a duplicate key, a syntax error.
      code: "services:\n  web:\n    image: nginx:1.27\n    image: nginx:1.28\n",
      errors: [{ messageId: "yaml", line: 4, column: 5, endLine: 4, endColumn: 10 }],
    },
    {
      // Left open at the end of the file: at the end of the last line, not on the line after the final break.
      code: "services:\n  web:\n    image: [nginx\n",
      errors: [{ messageId: "yaml", line: 3, column: 18, endLine: 3, endColumn: 18 }],
    },
    {
      // An alias inside the node it names: an infinite value.
      code: "x-a: &a [*a]\nservices: {}\n",
      errors: [{ messageId: "yaml", line: 1, column: 10, endLine: 1, endColumn: 12 }],
    },
    {
      code: "- just\n- a list\n",
      errors: [{ messageId: "yaml", line: 1, column: 1, endLine: 1, endColumn: 1 }],
    },
    {
      // Strings past the schema check's limit are skipped and said to be: a value (its own type is
      // not judged, the rest of the file still is) and a key (left out with what it holds).
      code: `services:\n  web:\n    image: nginx:1.27\n    command: ${"a|".repeat(35_000)}\n    restrat: always\n  ${"b".repeat(70_000)}:\n    image: 12\n`,
      errors: [
        { messageId: "tooLongValue", line: 4, column: 14, endLine: 4, endColumn: 70_014 },
        { messageId: "unknownKey", line: 5, column: 5, endLine: 5, endColumn: 12 },
        { messageId: "tooLongKey", line: 6, column: 3, endLine: 6, endColumn: 70_003 },
      ],
    },
  ],
});
