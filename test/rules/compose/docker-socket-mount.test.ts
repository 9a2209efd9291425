import rule from "../../../rules/compose/docker-socket-mount.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  app:\n    image: example/app:1\n    volumes:\n      - ./data:/data\n      - docker.sock:/x\n",
    "services:\n  app:\n    image: example/app:1\n    volumes:\n      - /var/run/docker:/data\n",
    "services:\n  app:\n    image: docker:27-cli\n    use_api_socket: false\n",
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
    {
      // use_api_socket bind-mounts the Docker API socket (and the user's registry credentials).
      code: "services:\n  agent:\n    image: docker:27-cli\n    use_api_socket: true\n  ci:\n    image: docker:27-cli\n    use_api_socket: \"true\"\n",
      errors: [
        { messageId: "apiSocket", line: 4, column: 5, endLine: 4, endColumn: 19, data: { service: "agent" } },
        { messageId: "apiSocket", line: 7, column: 5, endLine: 7, endColumn: 19, data: { service: "ci" } },
      ],
    },
    {
      code: "x-docker: &docker\n  image: docker:27-cli\n  use_api_socket: true\nservices:\n  a:\n    <<: *docker\n  b:\n    <<: *docker\n",
      errors: [{ messageId: "apiSocket", line: 3, column: 3, endLine: 3, endColumn: 17, service: "a" }],
    },
    {
      code: "services:\n  agent:\n    image: docker:27-cli\n    use_api_socket: \"yes\"\n  ci:\n    image: docker:27-cli\n    use_api_socket: ${API_SOCKET:-true}\n",
      errors: [
        { messageId: "apiSocket", line: 4, column: 5, endLine: 4, endColumn: 19, data: { service: "agent" } },
        { messageId: "apiSocket", line: 7, column: 5, endLine: 7, endColumn: 19, data: { service: "ci" } },
      ],
    },
  ],
});
