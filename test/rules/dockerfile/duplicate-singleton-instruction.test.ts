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
      output: "FROM alpine:3.20\nCMD [\"./apps\"]\n",
    },
    {
      code: "FROM alpine:3.20 AS base\nENTRYPOINT [\"a\"]\nENTRYPOINT [\"b\"]\nHEALTHCHECK NONE\nHEALTHCHECK CMD true\nFROM base\nCMD x\n",
      errors: [
        { messageId: "overridden", line: 2, column: 1, endLine: 2, endColumn: 17 },
        { messageId: "overridden", line: 4, column: 1, endLine: 4, endColumn: 17 },
      ],
      output: "FROM alpine:3.20 AS base\nENTRYPOINT [\"b\"]\nHEALTHCHECK CMD true\nFROM base\nCMD x\n",
    },
    {
      code: "FROM alpine:3.20 AS dev\nCMD a\nCMD b\nCMD c\nFROM alpine:3.20\nCMD d\n",
      files: { "compose.yaml": "services:\n  dev:\n    build:\n      context: .\n      target: dev\n" },
      errors: [
        { messageId: "overridden", line: 2, column: 1, endLine: 2, endColumn: 6 },
        { messageId: "overridden", line: 3, column: 1, endLine: 3, endColumn: 6 },
      ],
      output: "FROM alpine:3.20 AS dev\nCMD c\nFROM alpine:3.20\nCMD d\n",
    },
    {
      // the whole instruction goes, continuation lines and CRLF breaks included; the comment above stays
      code: "FROM alpine:3.20\r\n# the server\r\n  CMD [\"./app\", \\\r\n    \"--port\", \"80\"]\r\nENTRYPOINT [\"/init\"]\r\nCMD [\"./app\"]\r\n",
      errors: [{ messageId: "overridden", line: 3, column: 3, endLine: 4, endColumn: 20 }],
      output: "FROM alpine:3.20\r\n# the server\r\nENTRYPOINT [\"/init\"]\r\nCMD [\"./app\"]\r\n",
    },
    {
      // no fix: a comment line inside the instruction would go with it
      code: "FROM alpine:3.20\nHEALTHCHECK --interval=5s \\\n# every five seconds\n  CMD true\nHEALTHCHECK CMD false\n",
      errors: [{ messageId: "overridden", line: 2, column: 1, endLine: 4, endColumn: 11 }],
    },
  ],
});
