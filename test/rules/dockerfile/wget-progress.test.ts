import rule from "../../../rules/dockerfile/wget-progress.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM debian:12\nRUN wget --progress=dot:giga https://x\n",
    "FROM debian:12\nRUN wget -qO- https://x | sh && wget -nv https://y && wget --quiet z\n",
    "FROM debian:12\nRUN wget -o /tmp/log https://x && wget -cq y\n",
    "FROM debian:12\nRUN [\"wget\", \"https://x\"]\n",
  ],
  invalid: [
    {
      code: "FROM node:20\nRUN wget my.xyz\n",
      errors: [{ messageId: "progress", line: 2, column: 5, endLine: 2, endColumn: 9 }],
      output: "FROM node:20\nRUN wget --progress=dot:giga my.xyz\n",
    },
    {
      code: "FROM node:20\nRUN wget -Oq.txt https://x && /usr/bin/wget -c y\n",
      errors: [
        { messageId: "progress", line: 2, column: 5, endLine: 2, endColumn: 9 },
        { messageId: "progress", line: 2, column: 31, endLine: 2, endColumn: 44 },
      ],
      output: "FROM node:20\nRUN wget --progress=dot:giga -Oq.txt https://x && /usr/bin/wget --progress=dot:giga -c y\n",
    },
    {
      // a stage built FROM a Debian-based one runs GNU wget too
      code: "FROM buildpack-deps:bookworm AS base\nFROM base\nRUN wget -O /tmp/x https://x\n",
      errors: [{ messageId: "progress", line: 3, column: 5, endLine: 3, endColumn: 9 }],
      output: "FROM buildpack-deps:bookworm AS base\nFROM base\nRUN wget --progress=dot:giga -O /tmp/x https://x\n",
    },
    {
      // no fix: Alpine's wget is BusyBox's, which has no --progress option and would fail; it prints
      // a status line a second, not dots, and the message says so
      code: "FROM node:20-alpine\nRUN wget -O /tmp/x https://x\n",
      errors: [{ messageId: "busybox", line: 2, column: 5, endLine: 2, endColumn: 9 }],
    },
    {
      // GNU wget installed on Alpine comes first in PATH
      code: "FROM alpine:3.20\nRUN apk add --no-cache wget\nRUN wget -O /tmp/x https://x\n",
      errors: [{ messageId: "progress", line: 3, column: 5, endLine: 3, endColumn: 9 }],
      output: "FROM alpine:3.20\nRUN apk add --no-cache wget\nRUN wget --progress=dot:giga -O /tmp/x https://x\n",
    },
    {
      // no fix: /bin/wget stays BusyBox's
      code: "FROM alpine:3.20\nRUN apk add --no-cache wget && /bin/wget https://x\n",
      errors: [{ messageId: "busybox", line: 2, column: 32, endLine: 2, endColumn: 41 }],
    },
    {
      // no fix: the virtual package that brought GNU wget is deleted, BusyBox's wget runs again
      code: "FROM alpine:3.20\nRUN apk add --no-cache --virtual .fetch-deps wget && wget -O /a https://x && apk del .fetch-deps\nRUN wget -O /b https://y\n",
      errors: [
        { messageId: "progress", line: 2, column: 54, endLine: 2, endColumn: 58 },
        { messageId: "busybox", line: 3, column: 5, endLine: 3, endColumn: 9 },
      ],
      output: "FROM alpine:3.20\nRUN apk add --no-cache --virtual .fetch-deps wget && wget --progress=dot:giga -O /a https://x && apk del .fetch-deps\nRUN wget -O /b https://y\n",
    },
    {
      // no fix: GNU wget is deleted by name before this wget
      code: "FROM alpine:3.20\nRUN apk add wget\nRUN apk del wget\nRUN wget -O /b https://y\n",
      errors: [{ messageId: "busybox", line: 4, column: 5, endLine: 4, endColumn: 9 }],
    },
    {
      // installed again after a deletion: GNU wget runs
      code: "FROM alpine:3.20\nRUN apk add -t .deps wget && apk del .deps && apk add wget\nRUN wget -O /b https://y\n",
      errors: [{ messageId: "progress", line: 3, column: 5, endLine: 3, endColumn: 9 }],
      output: "FROM alpine:3.20\nRUN apk add -t .deps wget && apk del .deps && apk add wget\nRUN wget --progress=dot:giga -O /b https://y\n",
    },
    {
      // no fix: a digest without a tag may be any variant of the image, Alpine's too
      code: "FROM python@sha256:0000000000000000000000000000000000000000000000000000000000000000\nRUN wget https://x\n",
      errors: [{ messageId: "progress", line: 2, column: 5, endLine: 2, endColumn: 9 }],
    },
    {
      // every tag of debian is Debian: a digest alone, or a tag from a build argument, still says so;
      // so does a base image named by a global ARG's default. A variable tag of python may be an Alpine one.
      code: "ARG BASE=python:3.12-slim\nARG RELEASE\nFROM debian@sha256:0000000000000000000000000000000000000000000000000000000000000000 AS a\nRUN wget https://x\nFROM debian:${RELEASE} AS b\nRUN wget https://x\nFROM ${BASE} AS c\nRUN wget https://x\nFROM python:${RELEASE}\nRUN wget https://x\n",
      errors: [4, 6, 8, 10].map((line) => ({ messageId: "progress", line, column: 5, endLine: line, endColumn: 9 })),
      output: "ARG BASE=python:3.12-slim\nARG RELEASE\nFROM debian@sha256:0000000000000000000000000000000000000000000000000000000000000000 AS a\nRUN wget --progress=dot:giga https://x\nFROM debian:${RELEASE} AS b\nRUN wget --progress=dot:giga https://x\nFROM ${BASE} AS c\nRUN wget --progress=dot:giga https://x\nFROM python:${RELEASE}\nRUN wget https://x\n",
    },
    {
      // a digest beside a Debian tag: GNU wget
      code: "FROM python:3.12-slim@sha256:0000000000000000000000000000000000000000000000000000000000000000\nRUN wget https://x\n",
      errors: [{ messageId: "progress", line: 2, column: 5, endLine: 2, endColumn: 9 }],
      output: "FROM python:3.12-slim@sha256:0000000000000000000000000000000000000000000000000000000000000000\nRUN wget --progress=dot:giga https://x\n",
    },
    {
      // no fix: an image of unknown make may be BusyBox-based
      code: "FROM example/base:1\nRUN wget https://x\n",
      errors: [{ messageId: "progress", line: 2, column: 5, endLine: 2, endColumn: 9 }],
    },
  ],
});
