import rule from "../../../rules/dockerfile/exec-form-command-line.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    // Every Compose service that builds the image sets an entrypoint (which clears the image's CMD) or a command.
    { code: "FROM node:20\nCMD [\"npm start\"]\n", files: { "compose.yaml": "services:\n  web:\n    build: .\n    entrypoint: [\"npm\"]\n    command: [\"start\"]\n  worker:\n    build: .\n    command: [\"node\", \"worker.js\"]\n" } },
    "FROM node:20\nCMD [\"npm\", \"start\"]\nRUN [\"apt-get\", \"update\"]\n",
    // Shell form: the shell splits the words.
    "FROM node:20\nRUN apt-get update\nCMD npm start\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n",
    // An ENTRYPOINT receives the CMD as its arguments: `sh -c` runs it, and so may any other.
    "FROM node:20\nENTRYPOINT [\"sh\", \"-c\"]\nCMD [\"npm start\"]\n",
    "FROM node:20\nCMD [\"npm start\"]\nENTRYPOINT [\"/docker-entrypoint.sh\"]\n",
    "FROM node:20 AS base\nENTRYPOINT [\"tini\", \"--\", \"sh\", \"-c\"]\nFROM base\nCMD [\"npm start\"]\n",
    // An option and its value in one element: the base image's ENTRYPOINT splits its arguments itself.
    "FROM docker.redpanda.com/vectorized/redpanda:v22.2.2\nCMD [\"redpanda start\", \"--smp 1\", \"--overprovisioned\"]\n",
    // A path that may hold a space in its own name, and Windows paths.
    "FROM debian:12\nENTRYPOINT [\"/opt/My App/bin/app\"]\nRUN [\"/opt/My Tools/setup\", \"--quiet\"]\n",
    "FROM debian:12\nENTRYPOINT [\"C:/Program Files/app/app.exe\"]\n",
    "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nENTRYPOINT [\"C:\\\\Program Files\\\\app\\\\app.exe\"]\nRUN [\"powershell -Command\", \"Get-Item\"]\n",
    // A Windows stage: cmd and PowerShell resolve programs their own way.
    "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD [\"ping localhost\"]\n",
    // A program element without spaces, and a CMD of a builder stage that never runs.
    "FROM alpine:3.20\nENTRYPOINT [\"/app\"]\nHEALTHCHECK --interval=5s CMD [\"/app\", \"health\"]\n",
    "FROM nginx:1.27\nHEALTHCHECK CMD NONE_URL=x /healthz\n",
    "FROM golang:1.22 AS build\nCMD [\"go run .\"]\nFROM scratch\nCOPY --from=build /app /app\nCMD [\"/app\"]\n",
    // An expansion is not the runtime's business to split.
    "FROM alpine:3.20\nENTRYPOINT [\"$APP serve\"]\n",
    "FROM alpine:3.20\nHEALTHCHECK NONE\n",
  ],
  invalid: [
    {
      // One service runs the image's CMD; an empty entrypoint keeps it too.
      code: "FROM node:20\nCMD [\"npm start\"]\n",
      files: { "compose.yaml": "services:\n  web:\n    build: .\n    entrypoint: [\"npm\"]\n  worker:\n    build: .\n    entrypoint: []\n" },
      errors: [{ messageId: "commandLine", line: 2, column: 6, endLine: 2, endColumn: 17 }],
      output: "FROM node:20\nCMD [\"npm\", \"start\"]\n",
    },
    {
      code: "FROM node:20\nWORKDIR /app\nRUN [\"npm ci\"]\nCMD [\"npm start\"]\n",
      errors: [
        { messageId: "commandLine", line: 3, column: 6, endLine: 3, endColumn: 14 },
        { messageId: "commandLine", line: 4, column: 6, endLine: 4, endColumn: 17 },
      ],
      output: "FROM node:20\nWORKDIR /app\nRUN [\"npm\", \"ci\"]\nCMD [\"npm\", \"start\"]\n",
    },
    {
      // The rest of the array stays, and so does the file's separator.
      code: "FROM python:3.12\nENTRYPOINT [\"python -m\",\"app\",\"--port=8080\"]\n",
      errors: [{ messageId: "commandLine", line: 2, column: 13, endLine: 2, endColumn: 24 }],
      output: "FROM python:3.12\nENTRYPOINT [\"python\",\"-m\",\"app\",\"--port=8080\"]\n",
    },
    {
      // A path followed by an option is a command line too.
      code: "FROM alpine:3.20\nHEALTHCHECK --interval=30s \\\n  CMD [\"/usr/bin/wget -q -O /dev/null http://localhost:8080/health\"]\n",
      errors: [{ messageId: "commandLine", line: 3, column: 8, endLine: 3, endColumn: 68 }],
      output: "FROM alpine:3.20\nHEALTHCHECK --interval=30s \\\n  CMD [\"/usr/bin/wget\", \"-q\", \"-O\", \"/dev/null\", \"http://localhost:8080/health\"]\n",
    },
    {
      // Shell syntax in a healthcheck: the shell form keeps it.
      code: "FROM nginx:1.27\nHEALTHCHECK CMD [\"curl -f http://localhost/ || exit 1\"]\n",
      errors: [{ messageId: "commandLine", line: 2, column: 18, endLine: 2, endColumn: 55 }],
      output: "FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n",
    },
    {
      // A variable after the program: Docker does not expand it in exec form, and the shell form does.
      code: "FROM nginx:1.27\nENV PORT=8080\nHEALTHCHECK CMD [\"wget -qO- http://localhost:$PORT/ || exit 1\"]\n",
      errors: [{ messageId: "commandLine", line: 3, column: 18, endLine: 3, endColumn: 63 }],
      output: "FROM nginx:1.27\nENV PORT=8080\nHEALTHCHECK CMD wget -qO- http://localhost:$PORT/ || exit 1\n",
    },
    {
      // Shell syntax elsewhere has no one-click fix; nor does a shell builtin or a JSON escape.
      code: "FROM node:20\nRUN [\"npm ci && npm run build\"]\nENTRYPOINT [\"cd /app\"]\n",
      errors: [
        { messageId: "commandLine", line: 2, column: 6, endLine: 2, endColumn: 31 },
        { messageId: "commandLine", line: 3, column: 13, endLine: 3, endColumn: 22 },
      ],
    },
    {
      code: "FROM node:20\nCMD [\"node \\u0073erver.js\"]\n",
      errors: [{ messageId: "commandLine", line: 2, column: 6, endLine: 2, endColumn: 27 }],
    },
    {
      // An ONBUILD trigger runs in the child image, whose ENTRYPOINT is not known here.
      code: "FROM node:20\nONBUILD RUN [\"npm install\"]\n",
      errors: [{ messageId: "commandLine", line: 2, column: 14, endLine: 2, endColumn: 27 }],
      output: "FROM node:20\nONBUILD RUN [\"npm\", \"install\"]\n",
    },
    {
      // `HEALTHCHECK CMD NONE` runs `/bin/sh -c NONE`; `HEALTHCHECK NONE` switches the check off.
      code: "FROM nginx:1.27\nHEALTHCHECK CMD NONE\n",
      errors: [{ messageId: "noneCommand", line: 2, column: 17, endLine: 2, endColumn: 21 }],
      output: "FROM nginx:1.27\nHEALTHCHECK NONE\n",
    },
    {
      // The exec form runs a program named NONE.
      code: "FROM nginx:1.27\nHEALTHCHECK CMD [\"NONE\"]\n",
      errors: [{ messageId: "noneCommand", line: 2, column: 18, endLine: 2, endColumn: 24 }],
      output: "FROM nginx:1.27\nHEALTHCHECK NONE\n",
    },
    {
      // With options, no fix: HEALTHCHECK NONE takes none.
      code: "FROM nginx:1.27\nHEALTHCHECK --interval=5s CMD none\n",
      errors: [{ messageId: "noneCommand", line: 2, column: 31, endLine: 2, endColumn: 35 }],
    },
  ],
});
