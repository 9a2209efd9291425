import rule from "../../../rules/compose/runs-as-root.js";
import { ruleTester } from "../../helpers/rule-tester.js";

const DF = "FROM python:3.12-slim AS base\nRUN pip install app\nFROM base AS api\nCMD [\"app\"]\nFROM base AS worker\nUSER 10001\nCMD [\"worker\"]\n";

ruleTester(rule, {
  valid: [
    // plain images with no user: unknown, never judged from the image name
    "services:\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7-alpine\n",
    "services:\n  app:\n    image: example/app:1\n    user: \"1000:1000\"\n",
    "services:\n  app:\n    image: example/app:1\n    user: ${UID}:${GID}\n",
    // defaults to a non-root user
    "services:\n  app:\n    image: example/app:1\n    user: \"${UID:-1000}:${GID:-1000}\"\n",
    { code: "services:\n  worker:\n    build:\n      context: .\n      target: worker\n", files: { Dockerfile: DF } },
    // the build Dockerfile is not part of the audit: unknown
    "services:\n  api:\n    build: ./api\n",
    { code: "services:\n  api:\n    build: .\n    user: app\n", files: { Dockerfile: DF } },
    // the user comes from the base it extends, or from the override merged over it
    { code: "services:\n  base:\n    image: example/app:1\n    user: \"1000:1000\"\n  api:\n    extends: base\n    build: .\n", files: { Dockerfile: DF } },
    { code: "services:\n  job:\n    build: .\n", files: { Dockerfile: DF, "compose.override.yaml": "services:\n  job:\n    user: \"1000\"\n" } },
    // the base image comes from a global ARG's default: a non-root image
    { code: "services:\n  api:\n    build: .\n", files: { Dockerfile: "ARG BASE=gcr.io/distroless/static:nonroot\nFROM ${BASE}\nCOPY app /app\n" } },
  ],
  invalid: [
    {
      code: "services:\n  api:\n    build:\n      context: .\n      target: api\n  worker:\n    build:\n      context: .\n      target: worker\n  db:\n    image: postgres:16\n",
      files: { Dockerfile: DF },
      errors: [{ messageId: "built", line: 2, column: 3, endLine: 2, endColumn: 6, service: "api" }],
    },
    {
      code: "services:\n  web:\n    build:\n      context: web\n      dockerfile: Dockerfile.prod\n",
      filename: "deploy/compose.yaml",
      files: { "deploy/web/Dockerfile.prod": "FROM nginx:1.27-alpine\nUSER root\nCOPY dist /usr/share/nginx/html\n" },
      errors: [{ messageId: "built", line: 2, column: 3, endLine: 2, endColumn: 6 }],
    },
    {
      code: "services:\n  tool:\n    image: example/tool:1\n    user: root\n  other:\n    image: example/other:1\n    user: \"0:0\"\n",
      errors: [
        { messageId: "explicit", line: 4, column: 11, endLine: 4, endColumn: 15 },
        { messageId: "explicit", line: 7, column: 11, endLine: 7, endColumn: 16 },
      ],
    },
    {
      // A variable whose default is root: root unless the environment says otherwise.
      code: "services:\n  app:\n    image: example/app:1\n    user: \"${UID:-0}:${GID:-0}\"\n  sync:\n    image: example/sync:1\n    user: ${PUID:-root}\n",
      errors: [
        { messageId: "byDefault", line: 4, column: 11, endLine: 4, endColumn: 32, data: { service: "app", user: "${UID:-0}:${GID:-0}" } },
        { messageId: "byDefault", line: 7, column: 11, endLine: 7, endColumn: 24, data: { service: "sync", user: "${PUID:-root}" } },
      ],
    },
    {
      // Written once in an anchor and merged into three services: one finding, where it is written.
      code: "x-worker: &worker\n  image: acme/worker:1.2\n  user: root\nservices:\n  w1:\n    <<: *worker\n  w2:\n    <<: *worker\n  w3:\n    <<: *worker\n",
      errors: [{ messageId: "explicit", line: 3, column: 9, endLine: 3, endColumn: 13, service: "w1" }],
    },
  ],
});
