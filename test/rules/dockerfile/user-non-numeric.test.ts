import rule from "../../../rules/dockerfile/user-non-numeric.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nUSER 10001\n",
    // Docker reads the word without its quotes.
    "FROM alpine:3.20\nUSER \"10001\"\n",
    "FROM alpine:3.20\nUSER 10001:app\n",
    "FROM alpine:3.20\nUSER root\n",
    "FROM alpine:3.20\nUSER ${APP_UID}\n",
    "FROM alpine:3.20 AS build\nUSER builder\nFROM alpine:3.20\nUSER 1000\n",
    "FROM alpine:3.20\nUSER app\nUSER 1000\n",
    "FROM alpine:3.20\n",
    "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n",
    "# escape=`\nFROM mcr.microsoft.com/dotnet/runtime:8.0\nUSER ContainerUser\n",
    "FROM node:20\nSHELL [\"powershell\", \"-Command\"]\nUSER ContainerUser\n",
  ],
  invalid: [
    {
      code: "FROM node:20-slim\nUSER 'node'\n",
      errors: [{ messageId: "name", data: { user: "node" }, line: 2, column: 6, endLine: 2, endColumn: 12 }],
    },
    {
      // node:20 builds Linux images: the backtick escape does not make its users Windows names.
      code: "# escape=`\nFROM node:20\nUSER node\n",
      errors: [{ messageId: "name", line: 3, column: 6, endLine: 3, endColumn: 10 }],
    },
    {
      code: "FROM node:20-slim\nUSER node\n",
      errors: [{ messageId: "name", line: 2, column: 6, endLine: 2, endColumn: 10 }],
    },
    {
      code: "FROM node:20-slim AS base\nUSER app:app\nFROM base\nCMD [\"x\"]\n",
      errors: [{ messageId: "name", line: 2, column: 6, endLine: 2, endColumn: 9 }],
    },
    {
      // distroless `nonroot` is 65532; the message sends the reader to the image's own uid, not an invented one.
      code: "FROM gcr.io/distroless/static-debian12:nonroot\nUSER nonroot:nonroot\n",
      errors: [{ messageId: "name", data: { user: "nonroot" }, line: 2, column: 6, endLine: 2, endColumn: 13 }],
    },
    {
      // Not written as it reads: the finding covers the whole word, never part of another line.
      code: "FROM node:20-slim\nUSER ap\\\npuser\n",
      errors: [{ messageId: "name", line: 2, column: 6, endLine: 3, endColumn: 6 }],
    },
  ],
});
