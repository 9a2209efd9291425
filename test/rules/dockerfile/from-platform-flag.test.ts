import rule from "../../../rules/dockerfile/from-platform-flag.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\n",
    "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM --platform=${BUILDPLATFORM} alpine:3.20\nFROM --platform=$MY_PLATFORM alpine:3.20\n",
  ],
  invalid: [
    {
      code: "FROM alpine:3.20\nFROM --platform=arm64 baseimage as baseimage-build\n",
      errors: [{ messageId: "constant", line: 2, column: 6, endLine: 2, endColumn: 22 }],
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
