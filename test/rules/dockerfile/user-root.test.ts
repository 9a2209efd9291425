import rule from "../../../rules/dockerfile/user-root.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nUSER root\nRUN apk add --no-cache curl\nUSER 1000\n",
    "FROM golang:1.22 AS build\nUSER root\nFROM alpine:3.20\nUSER app\n",
    "FROM alpine:3.20\n",
    "FROM alpine:3.20\nUSER $APP_USER\n",
    "FROM alpine:3.20\nUSER rooter\n",
  ],
  invalid: [
    {
      code: "FROM alpine:3.20\nUSER root\nRUN npm install\n",
      errors: [{ messageId: "root", line: 2, column: 6, endLine: 2, endColumn: 10 }],
    },
    {
      code: "FROM alpine:3.20 AS base\nUSER 0:0\nFROM base\nCMD [\"x\"]\n",
      errors: [{ messageId: "root", line: 2, column: 6, endLine: 2, endColumn: 9 }],
    },
    {
      code: "FROM alpine:3.20\nUSER app\nUSER root:root\n",
      errors: [{ messageId: "root", line: 3, column: 6, endLine: 3, endColumn: 15 }],
    },
    {
      // Docker reads the word without its quotes.
      code: "FROM alpine:3.20\nUSER \"root\"\n",
      errors: [{ messageId: "root", line: 2, column: 6, endLine: 2, endColumn: 12 }],
    },
  ],
});
