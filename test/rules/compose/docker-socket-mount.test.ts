import rule from "../../../rules/compose/docker-socket-mount.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  app:\n    image: example/app:1\n    volumes:\n      - ./data:/data\n      - docker.sock:/x\n",
    "services:\n  app:\n    image: example/app:1\n    volumes:\n      - /var/run/docker:/data\n",
  ],
  invalid: [
    {
      code: "services:\n  traefik:\n    image: traefik:v3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n      - \"${XDG_RUNTIME_DIR}/docker.sock:/var/run/docker.sock\"\n",
      errors: [
        { messageId: "socket", line: 5, column: 9, endLine: 5, endColumn: 29, service: "traefik" },
        { messageId: "socket", line: 6, column: 10, endLine: 6, endColumn: 40, service: "traefik" },
      ],
    },
    {
      // The socket path as the default of a variable: the colon inside ${…} does not end the source.
      code: "services:\n  watchtower:\n    image: containrrr/watchtower:1.7.1\n    volumes:\n      - ${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock\n",
      errors: [{ messageId: "socket", line: 5, column: 9, endLine: 5, endColumn: 45, service: "watchtower" }],
    },
    {
      code: "services:\n  agent:\n    image: portainer/agent:2.21\n    volumes:\n      - type: bind\n        source: /run/podman/podman.sock\n        target: /var/run/docker.sock\n",
      errors: [{ messageId: "socket", line: 6, column: 17, endLine: 6, endColumn: 40 }],
    },
    {
      // Written once in an anchor and merged into three services: one finding, where it is written.
      code: "x-worker: &worker\n  image: acme/worker:1.2\n  volumes: [\"/var/run/docker.sock:/var/run/docker.sock\"]\nservices:\n  w1:\n    <<: *worker\n  w2:\n    <<: *worker\n  w3:\n    <<: *worker\n",
      errors: [{ messageId: "socket", line: 3, column: 14, endLine: 3, endColumn: 34, service: "w1" }],
    },
  ],
});
