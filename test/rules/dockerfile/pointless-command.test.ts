import rule from "../../../rules/dockerfile/pointless-command.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: ["FROM ubuntu:24.04\nRUN apt-get install -y nano vim ssh\n", "FROM ubuntu:24.04\nRUN x11vnc -storepasswd 1234 ~/.vnc/passwd\n", "FROM ubuntu:24.04\nCMD top\n",
    // BuildKit forwards the SSH agent to this step: ssh does real work here
    "FROM alpine:3.20\nRUN --mount=type=ssh ssh -o StrictHostKeyChecking=accept-new git@github.com info\n"],
  invalid: [
    {
      code: "FROM golang:1.12.0-stretch\nRUN top\nRUN [\"ps\", \"-d\"]\n",
      errors: [
        { messageId: "pointless", line: 2, column: 5, endLine: 2, endColumn: 8 },
        { messageId: "pointless", line: 3, column: 5, endLine: 3, endColumn: 17 },
      ],
    },
    {
      code: "FROM ubuntu:24.04\nRUN service nginx start && /usr/bin/vim x\n",
      errors: [
        { messageId: "pointless", line: 2, column: 5, endLine: 2, endColumn: 12 },
        { messageId: "pointless", line: 2, column: 28, endLine: 2, endColumn: 40 },
      ],
    },
  ],
});
