import rule from "../../../rules/dockerfile/add-remote-url.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM alpine:3.20\nADD --checksum=sha256:abc https://example.com/x.tar.gz /tmp/\n",
    "FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.14.0 /src\n",
    "FROM alpine:3.20\nADD ./local.conf /etc/\n",
    "FROM alpine:3.20\nCOPY https://example.com/x /tmp/\n",
  ],
  invalid: [
    {
      code: "FROM openjdk:10-jdk\nADD https://example.com/big.tar.xz /usr/src/things/\n",
      errors: [{ messageId: "unverified", line: 2, column: 5, endLine: 2, endColumn: 35 }],
    },
    {
      code: "FROM alpine:3.20\nADD [\"http://example.com/a\", \"/a\"]\n",
      errors: [{ messageId: "unverified", line: 2, column: 6, endLine: 2, endColumn: 28 }],
    },
  ],
});
