import rule from "../../../rules/dockerfile/undefined-variable.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-slim\nARG NODE_VERSION\nENV V=$NODE_VERSION\n",
    "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build\n",
    // A platform ARG declared in a parent stage is inherited; proxy args need no ARG at all.
    "FROM --platform=$BUILDPLATFORM golang:1.22 AS base\nARG TARGETARCH\nFROM base AS build\nRUN GOARCH=$TARGETARCH go build\n",
    "FROM --platform=${TARGETPLATFORM} alpine:3.20\nRUN curl --proxy \"$HTTPS_PROXY\" -fsSLO https://example.com/a.tgz\n",
    "FROM debian:12\nENV PATH=/opt/app/bin:$PATH APP_HOME=/opt/app\nWORKDIR $APP_HOME\nCOPY --chown=${APP_USER:-app} . $APP_HOME\n",
    "FROM debian:12\nARG VERSION=1.0\nRUN curl -fsSL https://example.com/$VERSION/app.tgz | tar -xz\n",
    "FROM debian:12\nRUN for f in a b; do echo $f; done && VERSION=2 && echo $VERSION\n",
    "FROM alpine:3.20 AS base\nENV APP=/app\nFROM base\nWORKDIR $APP\n",
    // A stage built FROM another inherits its ARGs too, through every generation.
    'ARG APP_DIR=/app\nFROM alpine:3.19 AS base\nARG APP_DIR\nRUN mkdir -p "$APP_DIR"\nFROM base\nWORKDIR $APP_DIR\n',
    "FROM alpine AS base\nARG APP_DIR=/app\nFROM base\nWORKDIR $APP_DIR\n",
    "FROM alpine:3.20 AS base\nARG APP_DIR=/app\nFROM base AS middle\nFROM middle\nCOPY . $APP_DIR\nRUN cd $APP_DIR\n",
    "ARG IMAGE=alpine:3.20\nFROM ${IMAGE}\n",
    // Declaring a global ARG again without a default keeps its value (BuildKit's buildMetaArgs).
    "ARG TAG=3.20\nARG TAG\nFROM alpine:${TAG}\n",
    "ARG TAG\nFROM alpine:${TAG:-3.20}\n",
    "FROM alpine:3.20\nRUN echo '$NOT_EXPANDED' \\$ESCAPED\nLABEL a='$literal'\n",
    "ARG NODE_VERSION=20\nFROM node:$NODE_VERSION\nRUN echo $NODE_VERSION\n",
    "FROM debian:12\nENV A=1\nENV B=$A\n",
    "FROM debian:12\nENV PATH=$PATH:/x\nENV PATH=/y:$PATH\n",
    "ARG RUST_VERSION=1.80\nARG BUILDER=rust:${RUST_VERSION}-slim\nFROM ${BUILDER}\nARG ALPINE_TAG=3.20\n",
    "ARG ALPINE_TAG=3.20\nFROM alpine:\"${ALPINE_TAG}\"\n",
    {
      code: "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n",
      files: { "compose.yaml": "services:\n  app:\n    build:\n      context: .\n      args:\n        BASE_IMAGE: alpine:3.20\n" },
    },
  ],
  invalid: [
    {
      code: "ARG BASE_TAG=3.20\nFROM alpine:$BASE_TGA\n",
      errors: [{ messageId: "fromUndeclared", line: 2, column: 13, endLine: 2, endColumn: 22 }],
    },
    {
      code: "ARG TAG\nARG IMAGE\nFROM alpine:${TAG}\nFROM $IMAGE\n",
      errors: [
        { messageId: "fromInvalid", line: 3, column: 6, endLine: 3, endColumn: 19 },
        { messageId: "fromInvalid", line: 4, column: 6, endLine: 4, endColumn: 12 },
      ],
    },
    {
      code: "ARG VERSION=1.2.3\nFROM debian:12\nRUN curl -fsSLO https://example.com/app-${VERSION}.tgz\nLABEL version=$VERSION\n",
      errors: [
        { messageId: "globalOnly", line: 3, column: 41, endLine: 3, endColumn: 51 },
        { messageId: "globalOnly", line: 4, column: 15, endLine: 4, endColumn: 23 },
      ],
    },
    {
      code: "FROM debian:12 AS build\nWORKDIR $SRC\nARG SRC=/src\nFROM debian:12\nCOPY --from=build $SRC /app\n",
      errors: [
        { messageId: "beforeDefinition", line: 2, column: 9, endLine: 2, endColumn: 13 },
        { messageId: "otherStage", line: 5, column: 19, endLine: 5, endColumn: 23 },
      ],
    },
    {
      code: "FROM alpine:3.20 AS base\nARG APP_DIR=/app\nFROM alpine:3.20\nWORKDIR $APP_DIR\n",
      errors: [{ messageId: "otherStage", line: 4, column: 9, endLine: 4, endColumn: 17, data: { name: "APP_DIR", stage: "base" } }],
    },
    {
      code: "FROM debian:12\nARG APP_DIR=/srv/app\nWORKDIR $APP_DIRR\nFROM scratch\nCOPY --chown=$UID app /app\n",
      errors: [
        { messageId: "typo", line: 3, column: 9, endLine: 3, endColumn: 18 },
        { messageId: "undefined", line: 5, column: 14, endLine: 5, endColumn: 18 },
      ],
    },
    {
      code: "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nRUN GOOS=linux GOARCH=$TARGETARCH go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app-${TARGETOS}\n",
      errors: [
        { messageId: "platformOnly", line: 2, column: 23, endLine: 2, endColumn: 34, data: { name: "TARGETARCH" } },
        { messageId: "platformOnly", line: 4, column: 33, endLine: 4, endColumn: 44, data: { name: "TARGETOS" } },
      ],
    },
    {
      code: "FROM golang:1.22\nRUN echo $BUILDPLATFORM\nARG BUILDPLATFORM\n",
      errors: [{ messageId: "beforeDefinition", line: 2, column: 10, endLine: 2, endColumn: 24 }],
    },
    {
      code: "FROM debian:12\nENV APP_HOME=/app DATA=$APP_HOME/data\n",
      errors: [{ messageId: "sameEnv", line: 2, column: 24, endLine: 2, endColumn: 33 }],
    },
  ],
});
