import rule from "../../../rules/dockerfile/copy-from-self.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM golang:1.22 AS builder\nFROM alpine:3.20\nCOPY --from=builder /app .\n",
    "FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=0 /app /app\n",
    "FROM alpine:3.20 AS dep\nCOPY /binary /\n",
  ],
  invalid: [
    {
      code: "FROM myimage:tag as dep\nCOPY --from=dep /binary /\n",
      errors: [{ messageId: "self", line: 2, column: 13, endLine: 2, endColumn: 16 }],
    },
    {
      code: "FROM golang:1.22\nFROM alpine:3.20 AS Runtime\nCOPY --from=1 /a /a\nCOPY --from=runtime /b /b\n",
      errors: [
        { messageId: "self", line: 3, column: 13, endLine: 3, endColumn: 14 },
        { messageId: "self", line: 4, column: 13, endLine: 4, endColumn: 20 },
      ],
    },
  ],
});
