import rule from "../../../rules/dockerfile/exec-form-cmd.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM node:20\nCMD [\"node\", \"server.js\"]\n",
    "FROM node:20\nENTRYPOINT [\"tini\", \"--\"]\nCMD [\"node\", \"server.js\"]\n",
    "FROM node:20\nCMD\n",
    // Under bash, a lone simple command replaces the shell: the program is PID 1 and gets SIGTERM.
    "FROM node:20\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nCMD node server.js --port $PORT\n",
    // `exec` replaces the shell: the program is PID 1 and gets SIGTERM, and $PORT is still expanded.
    "FROM python:3.12-slim\nCMD exec gunicorn --bind :$PORT --workers 1 --threads 8 --timeout 0 main:app\n",
    "FROM alpine:3.20\nENTRYPOINT exec /app --port \"${PORT:-8080}\" 2>&1\n",
    "FROM golang:1.22 AS build\nCMD go run .\nFROM scratch\nCOPY --from=build /app /app\nCMD [\"/app\"]\n",
    // The /bin/sh of Alpine (BusyBox ash) and of the Red Hat family (bash) replaces itself with a
    // lone simple command, which is then PID 1; Debian's dash does not.
    "FROM alpine:3.20\nCMD /app --port $PORT\n",
    "FROM fedora:40\nENTRYPOINT /usr/bin/app --serve\n",
  ],
  invalid: [
    {
      // bash stays in front of a redirected command and a pipeline; whether it hands a list's last command
      // PID 1 depends on its version, so a list is still reported. dash always stays.
      code: "FROM node:20\nSHELL [\"/bin/bash\", \"-c\"]\nCMD node server.js > /var/log/app.log\nCMD node a.js | tee log\nCMD cd /app && node server.js\nSHELL [\"/bin/dash\", \"-c\"]\nCMD node server.js\n",
      errors: [
        { messageId: "useExec", line: 3, column: 5, endLine: 3, endColumn: 38 },
        { messageId: "useExec", line: 4, column: 5, endLine: 4, endColumn: 24 },
        { messageId: "useExec", line: 5, column: 5, endLine: 5, endColumn: 30 },
        { messageId: "shellForm", line: 7, column: 5, endLine: 7, endColumn: 19 },
      ],
      output: "FROM node:20\nSHELL [\"/bin/bash\", \"-c\"]\nCMD node server.js > /var/log/app.log\nCMD node a.js | tee log\nCMD cd /app && node server.js\nSHELL [\"/bin/dash\", \"-c\"]\nCMD [\"node\", \"server.js\"]\n",
    },
    {
      code: "FROM node:20\nCMD node server.js --port=8080\n",
      errors: [{ messageId: "shellForm", line: 2, column: 5, endLine: 2, endColumn: 31 }],
      output: "FROM node:20\nCMD [\"node\", \"server.js\", \"--port=8080\"]\n",
    },
    {
      code: "FROM python:3.12\nENTRYPOINT python -m app\n",
      errors: [{ messageId: "shellForm", line: 2, column: 12, endLine: 2, endColumn: 25 }],
      output: "FROM python:3.12\nENTRYPOINT [\"python\", \"-m\", \"app\"]\n",
    },
    {
      // Not converted: under PowerShell (or cmd, a Windows stage's default) the first word may be a
      // cmdlet or a builtin, not a program; nor is a POSIX shell builtin such as `ulimit`.
      code: "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nCMD Start-Service w3svc\n",
      errors: [{ messageId: "shellForm", line: 3, column: 5, endLine: 3, endColumn: 24 }],
    },
    {
      code: "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD dir\n",
      errors: [{ messageId: "shellForm", line: 2, column: 5, endLine: 2, endColumn: 8 }],
    },
    {
      // JSON without quotes is shell form: ash would exec a program named `[python,`; exec form was meant.
      code: "FROM alpine:3.20\nCMD [python, app.py]\n",
      errors: [{ messageId: "shellForm", line: 2, column: 5, endLine: 2, endColumn: 21 }],
    },
    {
      code: "FROM alpine:3.20\nCMD ulimit -a\n",
      errors: [{ messageId: "shellForm", line: 2, column: 5, endLine: 2, endColumn: 14 }],
    },
    {
      // BusyBox ash stays in front of a redirected command or a list, as bash does (see above).
      code: "FROM alpine:3.20\nCMD /app > /tmp/log\nCMD cd /srv && /app\n",
      errors: [
        { messageId: "useExec", line: 2, column: 5, endLine: 2, endColumn: 20 },
        { messageId: "useExec", line: 3, column: 5, endLine: 3, endColumn: 20 },
      ],
    },
    {
      // Not converted: an exec-form ENTRYPOINT would receive the CMD as arguments.
      code: "FROM python:3.12\nENTRYPOINT python -m app\nCMD [\"--debug\"]\n",
      errors: [{ messageId: "shellForm", line: 2, column: 12, endLine: 2, endColumn: 25 }],
    },
    {
      // Not converted: shell syntax, and a broken JSON array.
      // A script that needs the shell ($PORT) is told to exec its program, which exec form cannot expand.
      code: "FROM debian:12\nCMD /app --port $PORT\nENTRYPOINT [top, -b]\nCMD /app \\\n  --flag\n",
      errors: [
        { messageId: "useExec", line: 2, column: 5, endLine: 2, endColumn: 22 },
        { messageId: "shellForm", line: 3, column: 12, endLine: 3, endColumn: 21 },
        { messageId: "shellForm", line: 4, column: 5, endLine: 5, endColumn: 9 },
      ],
    },
    {
      code: "FROM golang:1.22 AS dev\nCMD go run .\nFROM scratch\nCMD [\"/app\"]\nONBUILD CMD make run\n",
      files: { "compose.yaml": "services:\n  dev:\n    build:\n      context: .\n      target: dev\n" },
      errors: [
        { messageId: "shellForm", line: 2, column: 5, endLine: 2, endColumn: 13 },
        { messageId: "shellForm", line: 5, column: 13, endLine: 5, endColumn: 21 },
      ],
      output: "FROM golang:1.22 AS dev\nCMD [\"go\", \"run\", \".\"]\nFROM scratch\nCMD [\"/app\"]\nONBUILD CMD [\"make\", \"run\"]\n",
    },
    {
      // The shell stays PID 1 until its first command ends; `exec` with no program replaces nothing.
      code: "FROM alpine:3.20\nCMD echo starting; exec /app\nFROM alpine:3.20\nCMD exec >/tmp/log; /app\n",
      errors: [{ messageId: "useExec", line: 4, column: 5, endLine: 4, endColumn: 25 }],
    },
    {
      // Not converted: the Compose service passes a command to the entrypoint.
      code: "FROM debian:12\nENTRYPOINT /app\n",
      files: { "compose.yaml": "services:\n  app:\n    build: .\n    command: --verbose\n" },
      errors: [{ messageId: "shellForm", line: 2, column: 12, endLine: 2, endColumn: 16 }],
    },
  ],
});
