import rule from "../../../rules/dockerfile/workdir-relative.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nWORKDIR /app\nWORKDIR \"/path/to/workdir\"\nWORKDIR /\n",
    "FROM alpine:3.20\nENV DIRPATH=/path\nWORKDIR $DIRPATH/$DIRNAME\nWORKDIR ${GLASSFISH_HOME}/bin\n",
    "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR c:\\\\windows\nWORKDIR C:/app\n",
    "FROM alpine:3.20\nWORKDIR\n",
  ],
  invalid: [
    {
      code: "FROM alpine:3.20\nWORKDIR app\n",
      errors: [{ messageId: "relative", line: 2, column: 9, endLine: 2, endColumn: 12 }],
    },
    {
      code: "FROM alpine:3.20 AS base\nWORKDIR /srv/app\nFROM base\nWORKDIR ../data\nWORKDIR ./cache\n",
      // An earlier WORKDIR of the file fixes where they land: the base image plays no part.
      errors: [
        { messageId: "resolved", line: 4, column: 9, endLine: 4, endColumn: 16, data: { path: "../data", resolved: "/srv/data" } },
        { messageId: "resolved", line: 5, column: 9, endLine: 5, endColumn: 16, data: { path: "./cache", resolved: "/srv/data/cache" } },
      ],
      output: "FROM alpine:3.20 AS base\nWORKDIR /srv/app\nFROM base\nWORKDIR /srv/data\nWORKDIR /srv/data/cache\n",
    },
    {
      code: "FROM alpine:3.20\nWORKDIR /a\nWORKDIR \"b c\"\n",
      errors: [{ messageId: "relative", line: 3, column: 9, endLine: 3, endColumn: 14 }],
    },
  ],
});
