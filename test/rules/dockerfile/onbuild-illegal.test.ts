import rule from "../../../rules/dockerfile/onbuild-illegal.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: ["FROM node:20\nONBUILD COPY . /app\nONBUILD RUN npm ci\n", "FROM node:20\nONBUILD\n"],
  invalid: [
    {
      code: "FROM node:20\nONBUILD ONBUILD RUN x\nonbuild from alpine:3.20\nONBUILD MAINTAINER me\n",
      errors: [
        { messageId: "illegal", line: 2, column: 9, endLine: 2, endColumn: 16 },
        { messageId: "illegal", line: 3, column: 9, endLine: 3, endColumn: 13 },
        { messageId: "illegal", line: 4, column: 9, endLine: 4, endColumn: 19 },
      ],
    },
  ],
});
