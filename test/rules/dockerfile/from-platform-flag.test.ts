import rule from "../../../rules/dockerfile/from-platform-flag.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\n",
    "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM --platform=${BUILDPLATFORM} alpine:3.20\nFROM --platform=$MY_PLATFORM alpine:3.20\n",
    // BuildKit accepts a constant platform in a stage named after its OS or architecture.
    "ARG TARGETARCH\nFROM --platform=linux/amd64 alpine:3.20 AS build_amd64\nFROM --platform=linux/arm64 alpine:3.20 AS Build_ARM64\nFROM build_${TARGETARCH} AS build\n",
    "FROM --platform=linux/x86_64 alpine:3.20 AS tools-amd64\nFROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022 AS windows\nFROM --platform=aarch64 alpine:3.20 AS arm64\n",
  ],
  invalid: [
    {
      code: "FROM alpine:3.20\nFROM --platform=arm64 baseimage as baseimage-build\n",
      errors: [{ messageId: "constant", line: 2, column: 6, endLine: 2, endColumn: 22 }],
    },
    {
      // a stage named after another architecture, or with no name at all
      code: "FROM --platform=linux/amd64 alpine:3.20 AS build_arm64\nFROM --platform=linux/amd64 alpine:3.20\n",
      errors: [
        { messageId: "constant", line: 1, column: 6, endLine: 1, endColumn: 28, data: { value: "linux/amd64" } },
        { messageId: "constant", line: 2, column: 6, endLine: 2, endColumn: 28, data: { value: "linux/amd64" } },
      ],
    },
    {
      code: "FROM --platform=$TARGETPLATFORM alpine:3.20\nFROM  --platform=${TARGETPLATFORM}   debian:12 AS x\n",
      errors: [
        { messageId: "redundant", line: 1, column: 6, endLine: 1, endColumn: 32 },
        { messageId: "redundant", line: 2, column: 7, endLine: 2, endColumn: 35 },
      ],
      output: "FROM alpine:3.20\nFROM  debian:12 AS x\n",
    },
  ],
});
