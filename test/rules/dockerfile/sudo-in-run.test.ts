import rule from "../../../rules/dockerfile/sudo-in-run.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM ubuntu:24.04\nRUN apt-get install -y sudo\n",
    "FROM ubuntu:24.04\nRUN echo sudo\n",
    "FROM ubuntu:24.04\nRUN [\"echo\", \"sudo\"]\n",
  ],
  invalid: [
    {
      code: "FROM alpine:3.5\nRUN sudo pip install --upgrade pip\n",
      errors: [{ messageId: "sudo", line: 2, column: 5, endLine: 2, endColumn: 9 }],
    },
    {
      code: "FROM alpine:3.5\nRUN apk add curl && /usr/bin/sudo -u app make\n",
      errors: [{ messageId: "sudo", line: 2, column: 21, endLine: 2, endColumn: 34 }],
    },
    {
      code: "FROM alpine:3.5\nRUN [\"sudo\", \"make\"]\nONBUILD RUN sudo make\n",
      errors: [
        { messageId: "sudo", line: 2, column: 5, endLine: 2, endColumn: 21 },
        { messageId: "sudo", line: 3, column: 13, endLine: 3, endColumn: 17 },
      ],
    },
  ],
});
