import rule from "../../../rules/compose/duplicate-host-port.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    // `ports: !override` (or `!reset`) replaces what `extends` would bring; a base in another file is not read here.
    "services:\n  api:\n    image: app:1\n    ports: [\"8080:80\"]\n  worker:\n    extends: api\n    ports: !override [\"8081:80\"]\n  beat:\n    extends: api\n    ports: !reset []\n  cron:\n    extends:\n      file: base.yaml\n      service: api\n",
    // A host-network mode written through a variable's default: its ports are discarded too.
    "services:\n  a:\n    image: example/a:1\n    ports:\n      - \"8080:80\"\n  b:\n    image: example/b:1\n    network_mode: ${B_NET:-host}\n    ports:\n      - \"8080:80\"\n",
    "services:\n  a:\n    image: app:1\n    ports:\n      - \"8080:80\"\n  b:\n    image: app:1\n    ports:\n      - \"8081:80\"\n",
    // Different protocols, different host addresses, container-only ports.
    "services:\n  dns:\n    image: coredns:1\n    ports:\n      - \"53:53/tcp\"\n      - \"53:53/udp\"\n  a:\n    image: app:1\n    ports:\n      - \"127.0.0.1:8080:80\"\n  b:\n    image: app:1\n    ports:\n      - \"192.168.1.10:8080:80\"\n      - \"80\"\n  c:\n    image: app:1\n    ports:\n      - \"80\"\n",
    // The same mapping written twice in one service is merged by Compose.
    "services:\n  a:\n    image: app:1\n    ports:\n      - \"8080:80\"\n      - 8080:80\n",
    // Replicas with a host range wide enough in front of one container port, or container ports only.
    "services:\n  a:\n    image: app:1\n    deploy:\n      replicas: 3\n    ports:\n      - \"8080-8082:80\"\n      - \"9000\"\n  b:\n    image: app:1\n    scale: ${B_SCALE}\n    ports: [\"9090:80\"]\n",
    // Disjoint profiles, host networking, unknown variables.
    "services:\n  a:\n    image: app:1\n    profiles: [dev]\n    ports: [\"8080:80\"]\n  b:\n    image: app:1\n    profiles: [prod]\n    ports: [\"8080:80\"]\n  c:\n    image: app:1\n    network_mode: host\n    ports: [\"8080:80\"]\n  d:\n    image: app:1\n    ports: [\"${D_PORT}:80\"]\n  e:\n    image: app:1\n    ports: [\"${E_PORT}:80\"]\n",
    // IPv4 and IPv6 are separate sockets: `0.0.0.0` covers every IPv4 address, `::` every IPv6 one.
    "services:\n  v4:\n    image: app:1\n    ports:\n      - \"0.0.0.0:80:80\"\n      - \"127.0.0.1:8443:443\"\n  v6:\n    image: app:1\n    ports:\n      - \"[::]:80:80\"\n      - target: 443\n        published: 8443\n        host_ip: \"::\"\n",
  ],
  invalid: [
    {
      // No host address binds both `0.0.0.0` and `::`; `::` covers every IPv6 address.
      code: "services:\n  any:\n    image: app:1\n    ports:\n      - \"80:80\"\n  v6:\n    image: app:1\n    ports:\n      - \"[::]:80:80\"\n  local6:\n    image: app:1\n    ports:\n      - \"[::1]:81:80\"\n  all6:\n    image: app:1\n    ports:\n      - \"[::]:81:80\"\n",
      errors: [
        { messageId: "duplicate", line: 9, column: 9, endLine: 9, endColumn: 21, data: { port: "[::]:80/tcp", service: "v6", other: "any" } },
        { messageId: "duplicate", line: 17, column: 9, endLine: 17, endColumn: 21, data: { port: "[::]:81/tcp", service: "all6", other: "local6" } },
      ],
    },
    {
      // Several replicas of one service cannot all bind one host port (nor a range mapped port to port).
      code: "services:\n  web:\n    image: app:1\n    deploy:\n      replicas: 2\n    ports:\n      - \"127.0.0.1:8080:80\"\n      - \"9000-9001:9000-9001\"\n  api:\n    image: app:1\n    scale: 3\n    ports:\n      - target: 80\n        published: 7000-7001\n",
      errors: [
        { messageId: "scaled", line: 7, column: 9, endLine: 7, endColumn: 28, data: { service: "web", port: "127.0.0.1:8080/tcp", replicas: "2", key: "deploy.replicas" } },
        { messageId: "scaled", line: 8, column: 9, endLine: 8, endColumn: 30, data: { service: "web", port: "9000-9001/tcp", replicas: "2", key: "deploy.replicas" } },
        { messageId: "scaled", line: 13, column: 9, endLine: 14, endColumn: 29, data: { service: "api", port: "7000-7001/tcp", replicas: "3", key: "scale" } },
      ],
    },
    {
      code: "services:\n  a:\n    image: app:1\n    ports:\n      - \"8080:80\"\n  b:\n    image: app:1\n    ports:\n      - \"0.0.0.0:8080:3000\"\n      - target: 443\n        published: \"${HTTPS_PORT:-8443}\"\n  c:\n    image: app:1\n    ports:\n      - \"8440-8450:8440-8450\"\n",
      errors: [
        { messageId: "duplicate", line: 9, column: 9, endLine: 9, endColumn: 28, service: "b" },
        { messageId: "duplicate", line: 15, column: 9, endLine: 15, endColumn: 30, service: "c" },
      ],
    },
    {
      // Each copy of a mapping that clashes with another service is reported; the copies do not clash with each other.
      code: "services:\n  a:\n    image: app:1\n    ports: [\"8080:80\"]\n  b:\n    image: app:1\n    ports: [\"8080:80\", \"8080:80\", \"8081:80\", \"8081:80\"]\n",
      errors: [
        { messageId: "duplicate", line: 7, column: 13, endLine: 7, endColumn: 22, service: "b" },
        { messageId: "duplicate", line: 7, column: 24, endLine: 7, endColumn: 33, service: "b" },
      ],
    },
    {
      // Written once in an anchor and merged into three services: one finding, where it is written.
      code: "x-worker: &worker\n  image: acme/worker:1.2\n  ports: [\"127.0.0.1:9100:9100\"]\nservices:\n  w1:\n    <<: *worker\n  w2:\n    <<: *worker\n  w3:\n    <<: *worker\n",
      errors: [{ messageId: "duplicate", line: 3, column: 11, endLine: 3, endColumn: 32, service: "w2" }],
    },
    {
      // `extends` appends the base's ports to the service's own: both then bind 8080, reported at the `extends:`.
      // A chain passes on every port up the chain, each clash its own finding.
      code: "services:\n  api:\n    image: app:1\n    ports: [\"8080:80\"]\n  worker:\n    extends: api\n    ports: [\"9090:90\"]\n  beat:\n    extends:\n      service: worker\n    command: beat\n",
      errors: [
        { messageId: "inherited", line: 6, column: 5, endLine: 6, endColumn: 12, service: "worker", data: { service: "worker", port: "8080/tcp", base: "api", other: "api" } },
        { messageId: "inherited", line: 9, column: 5, endLine: 9, endColumn: 12, service: "beat", data: { service: "beat", port: "9090/tcp", base: "worker", other: "worker" } },
        { messageId: "inherited", line: 9, column: 5, endLine: 9, endColumn: 12, service: "beat", data: { service: "beat", port: "8080/tcp", base: "api", other: "api" } },
      ],
    },
    {
      // Several replicas of a service that inherits a fixed host port, which its base binds as well.
      code: "services:\n  api:\n    image: app:1\n    ports: [\"127.0.0.1:8080:80\"]\n  worker:\n    extends: api\n    deploy:\n      replicas: 2\n",
      errors: [
        { messageId: "scaled", line: 6, column: 5, endLine: 6, endColumn: 12, service: "worker", data: { service: "worker", port: "127.0.0.1:8080/tcp", replicas: "2", key: "deploy.replicas" } },
        { messageId: "inherited", line: 6, column: 5, endLine: 6, endColumn: 12, service: "worker", data: { service: "worker", port: "127.0.0.1:8080/tcp", base: "api", other: "api" } },
      ],
    },
  ],
});
