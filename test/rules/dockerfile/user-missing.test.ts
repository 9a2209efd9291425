import rule from "../../../rules/dockerfile/user-missing.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nUSER app\n",
    "FROM alpine:3.20 AS base\nUSER 1000\nFROM base\nCMD [\"x\"]\n",
    "FROM scratch\nCOPY app /app\n",
    "FROM gcr.io/distroless/static:nonroot\nCOPY app /app\n",
    "# only comments\n",
  ],
  invalid: [
    {
      code: "FROM python:3.12-slim\nCOPY . /app\n",
      errors: [{ messageId: "missing", line: 1, column: 1, endLine: 1, endColumn: 22 }],
    },
    {
      code: "FROM golang:1.22 AS build\nUSER 1000\nFROM debian:12-slim AS runtime\nCMD [\"/app\"]\n",
      errors: [{ messageId: "missing", line: 3, column: 1, endLine: 3, endColumn: 31 }],
    },
  ],
});
