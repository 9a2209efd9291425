import rule from "../../../rules/dockerfile/user-missing.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nUSER app\n",
    "FROM alpine:3.20 AS base\nUSER 1000\nFROM base\nCMD [\"x\"]\n",
    "FROM scratch\nCOPY app /app\n",
    "FROM gcr.io/distroless/static:nonroot\nCOPY app /app\n",
    // UBI language images run as 1001; plain ubi9/ubi-minimal does not (see invalid)
    "FROM registry.access.redhat.com/ubi9/nodejs-20:9.5\nCOPY --chown=1001:0 . .\nRUN npm ci --omit=dev\n",
    "ARG BASE=gcr.io/distroless/static:nonroot\nFROM ${BASE}\nCOPY app /app\n",
    "ARG VARIANT=nonroot\nARG BASE=gcr.io/distroless/static:${VARIANT}\nFROM ${BASE} AS run\nFROM run\nCOPY app /app\n",
    "# only comments\n",
    // dotnet/dotnet-docker samples: chiseled .NET images end with USER $APP_UID, Nano Server runs as ContainerUser.
    "FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nCOPY --from=build /app .\nENTRYPOINT [\"./aspnetapp\"]\n",
    "FROM mcr.microsoft.com/dotnet/runtime:10.0-nanoserver-ltsc2022\nCOPY --from=build /app /app\n",
    "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app.exe /app.exe\n",
  ],
  invalid: [
    {
      code: "FROM registry.access.redhat.com/ubi9/ubi-minimal:9.5\nCOPY app /app\n",
      errors: [{ messageId: "missing", line: 1, column: 1, endLine: 1, endColumn: 53 }],
    },
    {
      // The other .NET images only define APP_UID; Server Core runs as ContainerAdministrator.
      code: "FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble\nCOPY --from=build /app .\n",
      errors: [{ messageId: "missing", line: 1, column: 1, endLine: 1, endColumn: 48 }],
    },
    {
      code: "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app.exe /app.exe\n",
      errors: [{ messageId: "missing", line: 1, column: 1, endLine: 1, endColumn: 51 }],
    },
    {
      // The final stage has no name: it is named by its FROM, not by the name of the stage it builds on.
      code: "FROM alpine:3.20 AS base\nRUN adduser -D app\nFROM base AS build\nUSER app\nFROM base\nCMD [\"x\"]\n",
      errors: [{ messageId: "missing", line: 5, column: 1, endLine: 5, endColumn: 10, data: { stage: "FROM base" } }],
    },
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
