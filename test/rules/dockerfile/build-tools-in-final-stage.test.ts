import rule from "../../../rules/dockerfile/build-tools-in-final-stage.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    // tools only in a builder stage whose output is copied
    "FROM python:3.12 AS build\nRUN apt-get update && apt-get install -y gcc libpq-dev\nFROM python:3.12-slim\nCOPY --from=build /venv /venv\nRUN apt-get update && apt-get install -y libpq5 curl\n",
    // removed again in the same RUN
    "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc && pip install --no-cache-dir uwsgi==2.0.26 && apt-get purge -y --auto-remove gcc\n",
    // apk virtual group deleted later (analyticbot 782a5fb3)
    "FROM python:3.11-alpine AS base\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev libffi-dev\nFROM base\nRUN pip install --no-cache-dir -r requirements.txt && apk del .build-deps\n",
    // a development stage is allowed its tools
    "FROM python:3.11-slim AS development\nRUN apt-get update && apt-get install -y build-essential git\n",
    "FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app\n",
    "FROM alpine:3.20\nRUN apk add --no-cache curl ca-certificates libgcc\nCMD [\"/app\"]\n",
    // base and toolchain images: no command of their own, or just a prompt
    "FROM buildpack-deps:bookworm\nRUN apt-get update && apt-get install -y gcc make\n",
    "FROM buildpack-deps:bookworm\nRUN apt-get update && apt-get install -y libbz2-dev\nENTRYPOINT [\"docker-entrypoint.sh\"]\nCMD [\"python3\"]\n",
    // the official images' apt-mark pattern removes everything the RUN installed
    "FROM debian:12-slim\nRUN savedAptMark=\"$(apt-mark showmanual)\"; apt-get update; apt-get install -y gcc make libssl-dev; make install; apt-mark auto '.*' > /dev/null; apt-mark manual $savedAptMark; apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false\nCMD [\"redis-server\"]\n",
    "FROM node:20\nRUN apt-get update && apt-get install -y build-essential\nCMD [\"npm\", \"run\", \"dev\"]\n",
    "FROM jenkins/jenkins:lts\nRUN apt-get update && apt-get install -y git openssh-client\nENTRYPOINT [\"/usr/bin/tini\", \"--\", \"/usr/local/bin/jenkins.sh\"]\n",
    "FROM debian:12\nRUN savedAptMark=\"$(apt-mark showmanual)\"; apt-get install -y dpkg-dev; apt-mark showmanual | xargs apt-mark auto > /dev/null; apt-get purge -y --auto-remove\nCMD [\"postgres\"]\n",
    { code: "FROM python:3.12\nRUN apt-get update && apt-get install -y gcc\nCMD [\"pytest\"]\n", filename: "e2e/Dockerfile" },
  ],
  invalid: [
    {
      code: "FROM python:3.9-slim\nRUN apt-get update && apt-get install -y \\\n    gcc \\\n    g++ \\\n    curl\nCMD [\"poetry\", \"run\", \"server\"]\n",
      errors: [{ messageId: "tools", line: 3, column: 5, endLine: 3, endColumn: 8 }],
    },
    {
      // the stage a Compose service runs, built FROM a stage that installs the tools
      code: "FROM python:3.11-slim AS base\nRUN apt-get update && apt-get install -y build-essential libpq-dev curl\nFROM base AS production\nCMD [\"gunicorn\"]\nFROM base AS development\nCMD [\"uvicorn\", \"--reload\"]\n",
      files: { "compose.yaml": "services:\n  app:\n    build:\n      context: .\n      target: production\n" },
      errors: [{ messageId: "tools", line: 2, column: 42, endLine: 2, endColumn: 57 }],
    },
    {
      code: "FROM golang:1.24 AS builder\nRUN go build -o main .\nFROM golang:1.24\nRUN apt-get update && apt-get install -y librdkafka-dev\nCOPY --from=builder /app/main .\nCMD [\"./main\"]\n",
      errors: [
        { messageId: "toolchain", line: 3, column: 6, endLine: 3, endColumn: 17 },
        { messageId: "tools", line: 4, column: 42, endLine: 4, endColumn: 56 },
      ],
    },
    {
      // an unnamed final stage built FROM another stage is named by its FROM
      code: "FROM python:3.11-slim AS base\nRUN apt-get update && apt-get install -y build-essential\nFROM base\nCMD [\"gunicorn\", \"app:app\"]\n",
      errors: [{ messageId: "tools", line: 2, column: 42, endLine: 2, endColumn: 57, data: { stage: "FROM base", tools: "build-essential" } }],
    },
    {
      // the image through global ARGs, chained and with a tag known only at build time
      code: "ARG REGISTRY=docker.io\nARG GO=${REGISTRY}/library/golang\nFROM ${GO}:${GO_VERSION}\nCOPY . .\nCMD [\"go\", \"run\", \".\"]\n",
      errors: [{ messageId: "toolchain", line: 3, column: 6, endLine: 3, endColumn: 25, data: { stage: "${GO}:${GO_VERSION}", image: "docker.io/library/golang:${GO_VERSION}" } }],
    },
    {
      // only what is not removed is reported
      code: "FROM alpine:3.20\nRUN apk add --no-cache gcc git make && apk del gcc\nENTRYPOINT [\"/app\"]\n",
      errors: [{ messageId: "tools", line: 2, column: 28, endLine: 2, endColumn: 31 }],
    },
  ],
});
