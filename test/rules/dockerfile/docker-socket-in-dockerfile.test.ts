import rule from "../../../rules/dockerfile/docker-socket-in-dockerfile.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: ["FROM docker:27-cli\nENV DOCKER_HOST=tcp://proxy:2375\n", "FROM alpine:3.20\nVOLUME /data\n", "FROM alpine:3.20\nRUN [\"chmod\", \"1\"]\n"],
  invalid: [
    {
      code: "FROM docker:27-cli\nVOLUME /data /var/run/docker.sock\nENV DOCKER_HOST=unix:///var/run/docker.sock\n",
      errors: [
        { messageId: "socket", line: 2, column: 14, endLine: 2, endColumn: 34 },
        { messageId: "socket", line: 3, column: 17, endLine: 3, endColumn: 44 },
      ],
    },
    {
      code: "FROM alpine:3.20\nRUN --mount=type=bind,source=/var/run/docker.sock,target=/s chmod 666 /var/run/docker.sock\nVOLUME [\"/var/run/docker.sock\"]\n",
      errors: [
        { messageId: "socket", data: { what: "RUN mount", path: "/var/run/docker.sock" }, line: 2, column: 5, endLine: 2, endColumn: 60 },
        { messageId: "socket", line: 2, column: 71, endLine: 2, endColumn: 91 },
        { messageId: "socket", line: 3, column: 8, endLine: 3, endColumn: 32 },
      ],
    },
    {
      // The message names the socket the file points to, not the default path.
      code: "FROM nginxproxy/docker-gen:0.14\nENV DOCKER_HOST=unix:///tmp/docker.sock\n",
      errors: [{ messageId: "socket", data: { what: "ENV value", path: "/tmp/docker.sock" }, line: 2, column: 17, endLine: 2, endColumn: 40 }],
    },
  ],
});
