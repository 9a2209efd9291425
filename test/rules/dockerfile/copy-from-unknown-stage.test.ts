import rule from "../../../rules/dockerfile/copy-from-unknown-stage.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM golang:1.22 AS build\nRUN go build -o /app\nFROM scratch\nCOPY --from=build /app /app\n",
    "FROM golang:1.22 AS Build\nFROM scratch\nCOPY --from=build /app /app\nCOPY --from=0 /app /app2\n",
    "FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/\nCOPY --from=ghcr.io/org/tool /tool /tool\nCOPY --from=$BASE /x /x\n",
    "FROM alpine:3.20\nCOPY --from=docker.io/library/busybox /bin/busybox /busybox\n",
    "FROM alpine:3.20 AS dep\nCOPY --from=dep /x /x\nCOPY --from=0 /y /y\n",
    "FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=templates /redis.yml /pups/\n",
    {
      code: "FROM alpine:3.20 AS builder\nFROM alpine:3.20\nCOPY --from=builders /x /x\n",
      files: { "compose.yaml": "services:\n  app:\n    build:\n      context: .\n      additional_contexts:\n        builders: ../shared\n" },
    },
    {
      // The list form of additional_contexts (`name=source`) names contexts too.
      code: "FROM alpine:3.20 AS builder\nFROM alpine:3.20\nCOPY --from=builders /x /x\n",
      files: { "compose.yaml": "services:\n  app:\n    build:\n      context: .\n      additional_contexts:\n        - builders=../shared\n" },
    },
  ],
  invalid: [
    {
      code: "FROM golang:1.22 AS builder\nFROM scratch\nCOPY --from=buidler /app /app\n",
      errors: [{ messageId: "unknown", line: 3, column: 13, endLine: 3, endColumn: 20 }],
    },
    {
      code: "FROM alpine:3.20\nCOPY --from=assets /a /a\nCOPY --from=1 /b /b\nFROM node:20 AS assets\n",
      errors: [
        { messageId: "later", line: 2, column: 13, endLine: 2, endColumn: 19 },
        { messageId: "index", line: 3, column: 13, endLine: 3, endColumn: 14 },
      ],
    },
  ],
});
