import rule from "../../../rules/dockerfile/pipefail-missing.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM debian:12\nRUN curl -fsSL https://example.com/key.asc > /tmp/key\n",
    "FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://example.com/x | tar -xz\n",
    "FROM debian:12\nSHELL [\"/bin/bash\", \"-euxo\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://example.com/x | tar -xz\n",
    "FROM debian:12\nRUN set -euo pipefail; curl -fsSL https://example.com/x | tar -xz\n",
    "FROM debian:12\nRUN set -o errexit -o pipefail && wget -qO- https://example.com | sh\n",
    "FROM debian:12 AS base\nSHELL [\"/bin/ash\", \"-o\", \"pipefail\", \"-c\"]\nFROM base\nRUN a | b\n",
    "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"pwsh\", \"-Command\"]\nRUN Get-Content x | Out-File y\n",
    "FROM debian:12\nRUN yes | apt-get install curl\n",
    "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir | findstr x\n",
    "FROM bats-jenkins\n# hadolint shell=powershell\nRUN Get-Content x | Out-File y\n",
    "FROM debian:12\nRUN echo \"$SHA256  go.tgz\" | sha256sum -c - && printf '%s\\n' a b | sort\n",
    // Commands substituted into echo's words run before echo, which succeeds whatever they return: pipefail would not see them.
    "FROM debian:12\nRUN echo \"deb [arch=$(dpkg --print-architecture)] https://example.com/apt $(. /etc/os-release && echo \"$VERSION_CODENAME\") main\" | tee /etc/apt/sources.list.d/x.list\n",
    "FROM debian:12\nRUN [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\", \"a | b\"]\n",
    // A pipe written inside the -c script is the shell's, judged like shell form.
    "FROM debian:12\nRUN [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\", \"a | b\"]\n",
  ],
  invalid: [
    {
      // Debian's /bin/sh is dash, which has no pipefail: the message leads with the bash SHELL.
      code: "FROM debian:12-slim\nRUN wget -O- -q https://example.com/z.tgz | tar -xz\n",
      errors: [{ messageId: "pipe", data: {}, line: 2, column: 5, endLine: 2, endColumn: 52 }],
    },
    {
      // Exec form runs no shell: `|` is an argument of ./some_output, nothing is piped (hadolint DL4006 reports it too).
      code: "FROM debian:12\nRUN [\"/bin/bash\", \"./some_output\", \"|\", \"./some_script\"]\n",
      errors: [{ messageId: "execPipe", line: 2, column: 36, endLine: 2, endColumn: 39 }],
    },
    {
      // A pipeline inside a substitution still hides the failure of its left side from the assignment.
      code: "FROM debian:12\nRUN sum=\"$(curl -fsSL https://example.com/x | sha256sum)\" && echo \"$sum\" | tee /sum\n",
      errors: [{ messageId: "pipe", line: 2, column: 12, endLine: 2, endColumn: 56 }],
    },
    {
      // The backtick escape on a Linux image: /bin/sh still runs the script.
      code: "# escape=`\nFROM python:3.12-slim\nRUN curl -fsSL https://example.com/x.tgz | tar -xz -C /opt\n",
      errors: [{ messageId: "pipe", line: 3, column: 5, endLine: 3, endColumn: 59 }],
    },
    {
      code: "FROM debian:12\nRUN curl -fsSL https://example.com/x.tgz | tar -xz -C /opt\n",
      errors: [{ messageId: "pipe", line: 2, column: 5, endLine: 2, endColumn: 59 }],
    },
    {
      code: "FROM debian:12\nRUN a | b && set -o pipefail\nSHELL [\"/bin/bash\", \"-c\"]\nRUN [\"/bin/bash\", \"-c\", \"c | d\"]\n",
      errors: [
        { messageId: "pipe", line: 2, column: 5, endLine: 2, endColumn: 10 },
        { messageId: "pipe", line: 4, column: 26, endLine: 4, endColumn: 31 },
      ],
      // Exec form names its shell: bash gets `-o pipefail` before its `-c`. Debian's dash gets nothing.
      output: "FROM debian:12\nRUN a | b && set -o pipefail\nSHELL [\"/bin/bash\", \"-c\"]\nRUN [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\", \"c | d\"]\n",
    },
    {
      code: "FROM debian:12\nRUN [\"bash\", \"-ec\", \"curl -fsSL https://x | sh\"]\nRUN [\"/bin/sh\", \"-c\", \"curl -fsSL https://x | sh\"]\n",
      errors: [
        { messageId: "pipe", line: 2, column: 22, endLine: 2, endColumn: 47 },
        { messageId: "pipe", line: 3, column: 24, endLine: 3, endColumn: 49 },
      ],
      output: "FROM debian:12\nRUN [\"bash\", \"-o\", \"pipefail\", \"-ec\", \"curl -fsSL https://x | sh\"]\nRUN [\"/bin/sh\", \"-c\", \"curl -fsSL https://x | sh\"]\n",
    },
    {
      code: "FROM debian:12\nONBUILD RUN a \\\n  | b\n",
      errors: [{ messageId: "pipe", line: 2, column: 13, endLine: 3, endColumn: 6 }],
    },
    {
      // Alpine's /bin/sh is BusyBox ash, which has pipefail: the RUN starts with `set -o pipefail &&`.
      code: "FROM alpine:3.20\nRUN wget -qO- https://example.com/x.tgz | tar -xz\n",
      errors: [{ messageId: "pipe", line: 2, column: 5, endLine: 2, endColumn: 50 }],
      output: "FROM alpine:3.20\nRUN set -o pipefail && wget -qO- https://example.com/x.tgz | tar -xz\n",
    },
    {
      // An official image's alpine variant, through a stage built on it; after the flags, before `if`.
      code: "FROM python:3.12-alpine AS base\nFROM base\nRUN --mount=type=cache,target=/root/.cache \\\n  if true; then curl -fsSL https://x | sh; fi\n",
      errors: [{ messageId: "pipe", line: 4, column: 17, endLine: 4, endColumn: 42 }],
      output: "FROM python:3.12-alpine AS base\nFROM base\nRUN --mount=type=cache,target=/root/.cache \\\n  set -o pipefail && if true; then curl -fsSL https://x | sh; fi\n",
    },
    {
      // Every tag of alpine is Alpine, one from a build argument too.
      code: "ARG ALPINE_VERSION\nFROM alpine:${ALPINE_VERSION}\nRUN wget -qO- https://example.com/x.tgz | tar -xz\n",
      errors: [{ messageId: "pipe", line: 3, column: 5, endLine: 3, endColumn: 50 }],
      output: "ARG ALPINE_VERSION\nFROM alpine:${ALPINE_VERSION}\nRUN set -o pipefail && wget -qO- https://example.com/x.tgz | tar -xz\n",
    },
    {
      // The busybox image's /bin/sh is BusyBox ash too, built with its defconfig (ASH_BASH_COMPAT, so pipefail).
      code: "FROM busybox:1.37\nRUN wget -qO- https://example.com/x.tgz | tar -xz\n",
      errors: [{ messageId: "pipe", line: 2, column: 5, endLine: 2, endColumn: 50 }],
      output: "FROM busybox:1.37\nRUN set -o pipefail && wget -qO- https://example.com/x.tgz | tar -xz\n",
    },
    {
      // The /bin/sh of the Red Hat family's images (CentOS, Fedora, Rocky Linux, AlmaLinux, Amazon Linux) is bash.
      code: "FROM rockylinux:9-minimal\nRUN curl -fsSL https://x | sh\n",
      errors: [{ messageId: "pipe", line: 2, column: 5, endLine: 2, endColumn: 30 }],
      output: "FROM rockylinux:9-minimal\nRUN set -o pipefail && curl -fsSL https://x | sh\n",
    },
    {
      // Debian 13's dash knows pipefail (dash 0.5.12-7 on).
      code: "FROM python:3.13-slim-trixie\nRUN curl -fsSL https://x | sh\n",
      errors: [{ messageId: "pipe", line: 2, column: 5, endLine: 2, endColumn: 30 }],
      output: "FROM python:3.13-slim-trixie\nRUN set -o pipefail && curl -fsSL https://x | sh\n",
    },
    {
      // UBI minimal, whose /bin/sh is bash: the tag, not the image's default distribution, says so.
      code: "FROM eclipse-temurin:21-jdk-ubi9-minimal\nRUN curl -fsSL https://x | sh\n",
      errors: [{ messageId: "pipe", line: 2, column: 5, endLine: 2, endColumn: 30 }],
      output: "FROM eclipse-temurin:21-jdk-ubi9-minimal\nRUN set -o pipefail && curl -fsSL https://x | sh\n",
    },
    {
      // A bash SHELL without -o pipefail: bash knows the option, whatever the image.
      code: "FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nRUN curl -fsSL https://x | sh\n",
      errors: [{ messageId: "pipe", line: 3, column: 5, endLine: 3, endColumn: 30 }],
      output: "FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nRUN set -o pipefail && curl -fsSL https://x | sh\n",
    },
    // No fix: dash (Debian), an image of unknown origin, an unofficial alpine tag, a reader that stops early,
    // a `yes` pipeline (pipefail would fail it), a grep before the end of a pipeline, an ONBUILD trigger.
    ...(
      [
        ["FROM debian:12\nRUN curl -fsSL https://x | sh\n", 5, 30],
        ["FROM acme/base:alpine\nRUN curl -fsSL https://x | sh\n", 5, 30],
        ["FROM alpine:3.20\nRUN curl -fsSL https://x | head -n 1 > /v\n", 5, 42],
        ["FROM alpine:3.20\nRUN ls /etc | grep -q alpine && curl -fsSL https://x | sh\n", 5, 29],
        ["FROM alpine:3.20\nRUN yes | ./setup && curl -fsSL https://x | sh\n", 22, 47],
        ["FROM alpine:3.20\nRUN apk info | grep -v doc | sort > /pkgs\n", 5, 42],
        ["FROM alpine:3.20\nONBUILD RUN curl -fsSL https://x | sh\n", 13, 38],
      ] as const
    ).map(([code, column, endColumn]) => ({ code, errors: [{ messageId: "pipe", line: 2, column, endLine: 2, endColumn }] })),
  ],
});
