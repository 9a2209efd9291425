import rule from "../../../rules/dockerfile/unnamed-stage-ref.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: ["FROM golang:1.7.3 AS builder\nFROM alpine:3.20\nCOPY --from=builder /a /a\n", "FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /x\n"],
  invalid: [
    {
      code: "FROM golang:1.16\nRUN go build -o app .\nFROM alpine:3.20\nCOPY --from=0 /go/app ./\n",
      errors: [{ messageId: "index", line: 4, column: 13, endLine: 4, endColumn: 14 }],
    },
    {
      code: "FROM golang:1.16 AS build\nFROM alpine:3.20\nCOPY --from=0 /app /app\n",
      errors: [{ messageId: "index", line: 3, column: 13, endLine: 3, endColumn: 14 }],
      output: "FROM golang:1.16 AS build\nFROM alpine:3.20\nCOPY --from=build /app /app\n",
    },
  ],
});
