import rule from "../../../rules/dockerfile/healthcheck-missing.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM node:20-slim\nHEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1\nCMD [\"node\", \"app.js\"]\n",
    "FROM node:20-slim AS base\nHEALTHCHECK CMD [\"node\", \"health.js\"]\nFROM base\nCMD [\"node\", \"app.js\"]\n",
    "FROM alpine:3.20\nHEALTHCHECK NONE\n",
    "# no stage\n",
    "FROM python:3.12-slim\nRUN pip install --no-cache-dir httpie\nCMD [\"python3\"]\n",
    "FROM debian:12-slim\nCMD bash\n",
    // No command of its own: the image keeps its base's, a bare shell or interpreter (golang and
    // buildpack-deps inherit their OS's shell), or has none at all (scratch).
    "FROM golang:1.22-alpine\nRUN apk add --no-cache protobuf\nWORKDIR /build\n",
    "FROM buildpack-deps:bookworm AS tools\nRUN echo rustup\nFROM tools\nENV PATH=/usr/local/cargo/bin:$PATH\n",
    "FROM docker.io/library/python:3.12-slim\nRUN pip install --no-cache-dir grpcio-tools\n",
    "FROM scratch\nCOPY rootfs/ /\n",
    {
      code: "FROM node:20-slim\nCMD [\"node\", \"app.js\"]\n",
      filename: "api/Dockerfile",
      files: { "compose.yaml": "services:\n  api:\n    build: ./api\n    healthcheck:\n      test: [\"CMD\", \"node\", \"health.js\"]\n" },
    },
    {
      // both services have one: worker through the base it extends, api through the override beside
      code: "FROM node:20-slim\nCMD [\"node\", \"app.js\"]\n",
      filename: "api/Dockerfile",
      files: {
        "compose.yaml": "services:\n  base:\n    image: example/base:1\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n  worker:\n    extends: base\n    build: ./api\n  api:\n    build: ./api\n",
        "compose.override.yaml": "services:\n  api:\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n",
      },
    },
    {
      // `migrate` is a run-once job that `api` waits for: it has nothing to probe
      code: "FROM node:20-slim\nCMD [\"node\", \"app.js\"]\n",
      filename: "api/Dockerfile",
      files: {
        "compose.yaml": "services:\n  migrate:\n    build: ./api\n    command: [\"node\", \"migrate.js\"]\n  api:\n    build: ./api\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n    healthcheck:\n      test: [\"CMD\", \"node\", \"health.js\"]\n",
      },
    },
  ],
  invalid: [
    {
      // An unnamed stage built FROM another stage is named by its FROM, not by that other stage's name.
      code: "FROM debian:12-slim AS base\nENTRYPOINT [\"/app\"]\nFROM base\nCMD [\"bash\"]\n",
      errors: [{ messageId: "missing", line: 3, column: 1, endLine: 3, endColumn: 10, data: { stage: "FROM base" } }],
    },
    {
      // The command comes from the base image, which is a server (nginx), or from an image not known here.
      code: "FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n",
      errors: [{ messageId: "missing", line: 1, column: 1, endLine: 1, endColumn: 16 }],
    },
    {
      code: "FROM ghcr.io/example/python:3.12\nCOPY . /app\n",
      errors: [{ messageId: "missing", line: 1, column: 1, endLine: 1, endColumn: 33 }],
    },
    {
      code: "FROM node:20-slim\nCMD [\"node\", \"app.js\"]\n",
      errors: [{ messageId: "missing", line: 1, column: 1, endLine: 1, endColumn: 18 }],
    },
    {
      code: "FROM golang:1.22 AS build\nHEALTHCHECK CMD true\nFROM alpine:3.20\nCOPY --from=build /app /app\nCMD [\"/app\"]\n",
      errors: [{ messageId: "missing", line: 3, column: 1, endLine: 3, endColumn: 17 }],
    },
    {
      // Healthcheck options without `test`: Docker takes the test from this image, which has none.
      code: "FROM node:20-slim\nCMD [\"node\", \"app.js\"]\n",
      filename: "api/Dockerfile",
      files: { "compose.yaml": "services:\n  api:\n    build: ./api\n    healthcheck:\n      interval: 10s\n      retries: 5\n" },
      errors: [{ messageId: "missing", line: 1, column: 1, endLine: 1, endColumn: 18 }],
    },
    {
      // One of the two services that build the image has no healthcheck.
      code: "FROM node:20-slim\nCMD [\"node\", \"app.js\"]\n",
      filename: "api/Dockerfile",
      files: {
        "compose.yaml": "services:\n  api:\n    build: ./api\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n  worker:\n    build: ./api\n",
      },
      errors: [{ messageId: "missing", line: 1, column: 1, endLine: 1, endColumn: 18 }],
    },
    {
      // the base it extends disables its healthcheck
      code: "FROM node:20-slim\nCMD [\"node\", \"app.js\"]\n",
      filename: "api/Dockerfile",
      files: { "compose.yaml": "services:\n  base:\n    image: example/base:1\n    healthcheck:\n      disable: true\n  worker:\n    extends: base\n    build: ./api\n" },
      errors: [{ messageId: "missing", line: 1, column: 1, endLine: 1, endColumn: 18 }],
    },
  ],
});
