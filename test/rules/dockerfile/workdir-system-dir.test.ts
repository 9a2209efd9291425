import rule from "../../../rules/dockerfile/workdir-system-dir.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: ["FROM alpine:3.20\nWORKDIR /app\n", "FROM alpine:3.20\nWORKDIR /devices\n", "FROM alpine:3.20\nWORKDIR dev\n", "FROM alpine:3.20\nWORKDIR /proc/../app\n", "FROM alpine:3.20\nWORKDIR\n"],
  invalid: [
    {
      code: "FROM alpine:3.20\nWORKDIR /proc\n",
      errors: [{ messageId: "system", line: 2, column: 9, endLine: 2, endColumn: 14 }],
    },
    {
      // /boot is not mounted over: nothing vanishes there, it is just the wrong place
      code: "FROM alpine:3.20\nWORKDIR /app/../boot/x\n",
      errors: [{ messageId: "reserved", line: 2, column: 9, endLine: 2, endColumn: 23 }],
    },
  ],
});
