import rule from "../../../rules/dockerfile/instruction-casing.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.20\nCOPY --from=build /a /a\n",
    "from golang:1.22 as build\nrun go build\n",
    "# comment only\n",
    // The second line of a RUN that lacks its `\` is no instruction: dockerfile-syntax reports it, and
    // upper-casing it would not help.
    "FROM debian:12\nRUN apt-get update &&\n    apt-get install -y curl\n",
  ],
  invalid: [
    {
      code: "FROM golang:1.22 as Build\nrun go build -o /app .\nFROM alpine:3.20\nCOPY --from=Build /app /app\n",
      errors: [
        { messageId: "as", line: 1, column: 18, endLine: 1, endColumn: 20 },
        { messageId: "stage", line: 1, column: 21, endLine: 1, endColumn: 26 },
        { messageId: "keyword", line: 2, column: 1, endLine: 2, endColumn: 4 },
      ],
      output: "FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\n",
    },
    {
      code: "from alpine:3.20 AS base\nrun echo\nRun echo\nfrom base\n",
      errors: [
        { messageId: "as", line: 1, column: 18, endLine: 1, endColumn: 20 },
        { messageId: "keyword", line: 3, column: 1, endLine: 3, endColumn: 4 },
      ],
      output: "from alpine:3.20 as base\nrun echo\nrun echo\nfrom base\n",
    },
  ],
});
