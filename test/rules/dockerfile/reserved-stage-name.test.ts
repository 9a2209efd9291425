import rule from "../../../rules/dockerfile/reserved-stage-name.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: ["FROM scratch\nCOPY app /app\n", "FROM alpine:3.20 AS scratchpad\n"],
  invalid: [
    {
      code: "FROM alpine:3.20 AS scratch\nFROM busybox:1.36 as Context\n",
      errors: [
        { messageId: "reserved", line: 1, column: 21, endLine: 1, endColumn: 28 },
        { messageId: "reserved", line: 2, column: 22, endLine: 2, endColumn: 29 },
      ],
    },
  ],
});
