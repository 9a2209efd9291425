import rule from "../../../rules/dockerfile/image-tag-missing.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\n",
    "FROM scratch\nCOPY app /app\n",
    "FROM python@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
    "FROM ubuntu:22.04 AS base\nFROM base AS build\nFROM build\n",
    "ARG IMAGE=alpine:3.12\nFROM $IMAGE\n",
    "ARG BASE\nFROM ${BASE}\n",
    "ARG GPU\nFROM debian:12 AS qdrant-cpu\nFROM qdrant-${GPU:+gpu-}${GPU:-cpu} AS qdrant\n",
    "ARG PY=3.12\nFROM python:${PY}-slim\n",
    "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n",
    "FROM registry.example.com:5000/team/app:1.4\n",
    "# no instructions\n",
    "FROM\n",
    {
      // dani-garcia/vaultwarden: the base is an image the project's own Compose file builds (`build:` + `image:`).
      code: "FROM playwright_oidc_vaultwarden_prebuilt AS prebuilt\nFROM debian:trixie-slim\nCOPY --from=prebuilt /vaultwarden /\n",
      filename: "warden/Dockerfile",
      files: {
        "docker-compose.yml": "services:\n  prebuild:\n    build:\n      context: ..\n      dockerfile: docker/Dockerfile\n    image: playwright_oidc_vaultwarden_prebuilt\n  warden:\n    build: warden\n",
        "docker/Dockerfile": "FROM debian:trixie-slim\nCOPY vaultwarden /vaultwarden\n",
      },
    },
    {
      // FROM a named build context that Compose passes (map or list form): not a registry image.
      code: "FROM base AS build\nRUN make\nFROM runtime\nCOPY --from=build /app /app\n",
      files: { "compose.yaml": "services:\n  app:\n    build:\n      context: .\n      additional_contexts:\n        base: docker-image://golang:1.22\n  worker:\n    build:\n      context: .\n      additional_contexts:\n        - runtime=docker-image://alpine:3.20\n" },
    },
  ],
  invalid: [
    {
      code: "FROM alpine\nRUN true\n",
      errors: [{ messageId: "missing", line: 1, column: 6, endLine: 1, endColumn: 12 }],
    },
    {
      code: "FROM ubuntu:22.04 AS test\nFROM test AS build\nFROM construction AS final\n",
      errors: [{ messageId: "missing", line: 3, column: 6, endLine: 3, endColumn: 18 }],
    },
    {
      code: "FROM registry.example.com:5000/team/app\n",
      errors: [{ messageId: "missing", line: 1, column: 6, endLine: 1, endColumn: 40 }],
    },
    {
      // A Compose service that only pulls `image: app-base` (no build) does not make the untagged name local.
      code: "FROM app-base\n",
      files: { "compose.yaml": "services:\n  base:\n    image: app-base\n  app:\n    build: .\n" },
      errors: [{ messageId: "missing", line: 1, column: 6, endLine: 1, endColumn: 14 }],
    },
    {
      // The image comes from an ARG default: a build that passes --build-arg BASE=… chooses its own.
      code: "ARG BASE=node\nFROM ${BASE} AS app\n",
      errors: [{ messageId: "missingDefault", line: 2, column: 6, endLine: 2, endColumn: 13, data: { image: "node" } }],
    },
  ],
});
