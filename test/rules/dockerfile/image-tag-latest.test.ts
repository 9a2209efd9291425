import rule from "../../../rules/dockerfile/image-tag-latest.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\n",
    "FROM alpine\n",
    "FROM alpine:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
    "FROM node:20 AS latest\nFROM latest\n",
    "ARG TAG\nFROM node:${TAG}\n",
    // The default uses a build argument without a default: the tag is only known at build time.
    "ARG TAG\nARG BASE=node:${TAG}\nFROM ${BASE}\n",
    "FROM scratch\n",
  ],
  invalid: [
    {
      code: "FROM alpine:latest\nRUN true\n",
      errors: [{ messageId: "latest", line: 1, column: 13, endLine: 1, endColumn: 19 }],
    },
    {
      code: "FROM golang:1.22 AS build\nFROM gcr.io/distroless/static:latest\n",
      errors: [{ messageId: "latest", line: 2, column: 31, endLine: 2, endColumn: 37 }],
    },
    {
      code: "ARG IMAGE=node:latest\nFROM $IMAGE\n",
      errors: [{ messageId: "latestDefault", line: 2, column: 6, endLine: 2, endColumn: 12 }],
    },
    {
      // Docker expands a global ARG's default with the ARGs above it.
      code: "ARG VERSION=latest\nARG BASE=node:${VERSION}\nFROM ${BASE}\n",
      errors: [{ messageId: "latestDefault", line: 3, column: 6, endLine: 3, endColumn: 13, data: { image: "node:latest" } }],
    },
    {
      code: "ARG TAG=latest\nFROM node:${TAG}\n",
      errors: [{ messageId: "latestDefault", line: 2, column: 11, endLine: 2, endColumn: 17 }],
    },
    {
      // A literal tag after a variable is not the ARG's to change.
      code: "ARG ARCH=amd64\nFROM quay.io/example/busybox-${ARCH}:latest\n",
      errors: [{ messageId: "latest", line: 2, column: 38, endLine: 2, endColumn: 44 }],
    },
    {
      // The colon of `${V:-latest}` is the variable's, not the tag's: the tag is the whole variable.
      code: "FROM node:${V:-latest} AS base\nFROM localhost:5000/app:${T:-latest}\n",
      errors: [
        { messageId: "latest", line: 1, column: 11, endLine: 1, endColumn: 23 },
        { messageId: "latest", line: 2, column: 25, endLine: 2, endColumn: 37 },
      ],
    },
  ],
});
