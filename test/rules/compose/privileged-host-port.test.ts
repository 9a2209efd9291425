import rule from "../../../rules/compose/privileged-host-port.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    // Host network: Docker discards `ports`.
    "services:\n  git:\n    image: example/git-server:2\n    network_mode: host\n    ports:\n      - \"22:22\"\n",
    // A port the long syntax declares as HTTPS, published on 443: the service's public entry point.
    "services:\n  app:\n    image: example/app:1\n    ports:\n      - target: 8443\n        published: 443\n        app_protocol: https\n",
    "services:\n  app:\n    image: example/app:1\n    ports:\n      - \"8080:80\"\n      - \"80\"\n      - \"127.0.0.1::50\"\n      - \"${PORT}:80\"\n",
    "services:\n  proxy:\n    image: traefik:v3.1\n    ports:\n      - \"80:80\"\n      - \"443:443\"\n",
    {
      code: "services:\n  front:\n    build: .\n    ports:\n      - \"443:443\"\n",
      files: { Dockerfile: "FROM node:20 AS build\nRUN npm ci\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n" },
    },
  ],
  invalid: [
    {
      code: "services:\n  dhcpd:\n    image: networkboot/dhcpd:1\n    ports:\n      - 67:67/udp\n      - \"127.0.0.1:80:8001\"\n      - \"90-9091:8080-8081\"\n      - target: 22\n        published: 22\n",
      errors: [
        { messageId: "privileged", line: 5, column: 9, endLine: 5, endColumn: 18, service: "dhcpd" },
        { messageId: "privileged", line: 6, column: 9, endLine: 6, endColumn: 28, service: "dhcpd" },
        { messageId: "privileged", line: 7, column: 9, endLine: 7, endColumn: 28, service: "dhcpd" },
        { messageId: "privileged", line: 8, column: 9, endLine: 9, endColumn: 22, service: "dhcpd" },
      ],
    },
    {
      code: "services:\n  proxy:\n    image: nginx:1.27\n    ports:\n      - \"22:2222\"\n",
      errors: [{ messageId: "privileged", line: 5, column: 9, endLine: 5, endColumn: 18 }],
    },
    {
      // Written once in an anchor and merged into three services: one finding, where it is written.
      code: "x-worker: &worker\n  image: acme/worker:1.2\n  ports: [\"127.0.0.1:80:8080\"]\nservices:\n  w1:\n    <<: *worker\n  w2:\n    <<: *worker\n  w3:\n    <<: *worker\n",
      errors: [{ messageId: "privileged", line: 3, column: 11, endLine: 3, endColumn: 30, service: "w1" }],
    },
  ],
});
