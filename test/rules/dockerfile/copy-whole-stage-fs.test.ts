import rule from "../../../rules/dockerfile/copy-whole-stage-fs.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build /out/app /app\n",
    "FROM alpine:3.20\nCOPY / /src/\n",
    "FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build /etc/ssl/ /etc/ssl/\n",
    "FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.6.1 AS xx\nFROM rust:1.80 AS build\nCOPY --from=xx / /\n",
    "FROM scratch AS rootfs\nCOPY app /app\nFROM alpine:3.20\nCOPY --from=rootfs / /\n",
  ],
  invalid: [
    {
      code: "FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build / /\n",
      errors: [{ messageId: "root", line: 3, column: 19, endLine: 3, endColumn: 20 }],
    },
    {
      code: "FROM alpine:3.20\nCOPY --from=busybox:1.36 [\"/.\", \"/opt/busybox/\"]\n",
      errors: [{ messageId: "root", line: 2, column: 27, endLine: 2, endColumn: 31 }],
    },
  ],
});
