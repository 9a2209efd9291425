import rule from "../../../rules/dockerfile/workdir-relative.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nWORKDIR /app\nWORKDIR \"/path/to/workdir\"\nWORKDIR /\n",
    "FROM alpine:3.20\nENV DIRPATH=/path\nWORKDIR $DIRPATH/$DIRNAME\nWORKDIR ${GLASSFISH_HOME}/bin\n",
    "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR c:\\\\windows\nWORKDIR C:/app\n",
    "FROM alpine:3.20\nWORKDIR\n",
    // An earlier WORKDIR of this file fixes the directory: the base image no longer matters.
    "FROM node:20-slim\nWORKDIR /usr/src/web/\nRUN npm run generate\nWORKDIR dist/\n",
    "FROM alpine:3.20 AS base\nWORKDIR /srv/app\nFROM base\nWORKDIR ../data\nWORKDIR ./cache\n",
    "FROM alpine:3.20\nWORKDIR $HOME/app\nWORKDIR logs\n",
  ],
  invalid: [
    {
      code: "FROM alpine:3.20\nWORKDIR app\n",
      errors: [{ messageId: "relative", line: 2, column: 9, endLine: 2, endColumn: 12 }],
    },
    {
      // Only the first: once it is absolute, the ones after it resolve against it.
      code: "FROM alpine:3.20 AS base\nRUN true\nFROM base\nWORKDIR \"b c\"\nWORKDIR d\n",
      errors: [{ messageId: "relative", line: 4, column: 9, endLine: 4, endColumn: 14 }],
    },
    {
      code: "FROM alpine:3.20 AS base\nWORKDIR /srv\nFROM alpine:3.20\nWORKDIR data\n",
      errors: [{ messageId: "relative", line: 4, column: 9, endLine: 4, endColumn: 13 }],
    },
  ],
});
