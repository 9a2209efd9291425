import rule from "../../../rules/dockerfile/first-instruction.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "# syntax=docker/dockerfile:1\n# comment\nARG BASE=alpine:3.20\nFROM $BASE\nRUN true\n",
    "FROM alpine:3.20\n",
    "",
    "FORM alpine:3.20\n",
  ],
  invalid: [
    {
      code: "LABEL maintainer=me\nFROM alpine:3.20\n",
      errors: [{ messageId: "beforeFrom", line: 1, column: 1, endLine: 1, endColumn: 6 }],
    },
    {
      code: "ARG V=1\nenv X=$V\nRUN echo\nFROM alpine:3.20\n",
      errors: [
        { messageId: "beforeFrom", line: 2, column: 1, endLine: 2, endColumn: 4 },
        { messageId: "beforeFrom", line: 3, column: 1, endLine: 3, endColumn: 4 },
      ],
    },
  ],
});
