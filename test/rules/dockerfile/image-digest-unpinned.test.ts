import rule from "../../../rules/dockerfile/image-digest-unpinned.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
    "FROM scratch\n",
    "FROM golang:1.22@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS build\nFROM build\n",
    "ARG BASE\nFROM $BASE\n",
    {
      // FROM a named build context that Compose passes: its source is pinned (or not) in the Compose file.
      code: "FROM base\nRUN make\n",
      files: { "compose.yaml": "services:\n  app:\n    build:\n      context: .\n      additional_contexts:\n        - base=docker-image://golang:1.22@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n" },
    },
  ],
  invalid: [
    {
      code: "FROM alpine:3.20\n",
      errors: [{ messageId: "unpinned", line: 1, column: 6, endLine: 1, endColumn: 17 }],
    },
    {
      code: "ARG BASE=python:3.12-slim\nFROM ${BASE}\n",
      errors: [{ messageId: "unpinned", line: 2, column: 6, endLine: 2, endColumn: 13 }],
    },
  ],
});
