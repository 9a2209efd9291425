import rule from "../../../rules/dockerfile/duplicate-singleton-instruction.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nCMD [\"/app\"]\n",
    "FROM alpine:3.20 AS a\nCMD [\"a\"]\nFROM alpine:3.20\nCMD [\"b\"]\n",
    "FROM golang:1.22 AS build\nCMD [\"a\"]\nCMD [\"b\"]\nFROM scratch\nCOPY --from=build /app /app\nCMD [\"/app\"]\n",
    "FROM alpine:3.20\nENTRYPOINT [\"/app\"]\nCMD [\"--help\"]\nHEALTHCHECK CMD [\"/app\", \"health\"]\n",
  ],
  invalid: [
    {
      code: "FROM alpine:3.20\nCMD [\"./app\"]\nCMD [\"./apps\"]\n",
      errors: [{ messageId: "overridden", line: 2, column: 1, endLine: 2, endColumn: 14 }],
    },
    {
      code: "FROM alpine:3.20 AS base\nENTRYPOINT [\"a\"]\nENTRYPOINT [\"b\"]\nHEALTHCHECK NONE\nHEALTHCHECK CMD true\nFROM base\nCMD x\n",
      errors: [
        { messageId: "overridden", line: 2, column: 1, endLine: 2, endColumn: 17 },
        { messageId: "overridden", line: 4, column: 1, endLine: 4, endColumn: 17 },
      ],
    },
    {
      code: "FROM alpine:3.20 AS dev\nCMD a\nCMD b\nCMD c\nFROM alpine:3.20\nCMD d\n",
      files: { "compose.yaml": "services:\n  dev:\n    build:\n      context: .\n      target: dev\n" },
      errors: [
        { messageId: "overridden", line: 2, column: 1, endLine: 2, endColumn: 6 },
        { messageId: "overridden", line: 3, column: 1, endLine: 3, endColumn: 6 },
      ],
    },
  ],
});
