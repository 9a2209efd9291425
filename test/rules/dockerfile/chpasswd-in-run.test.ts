import rule from "../../../rules/dockerfile/chpasswd-in-run.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: ["FROM ubuntu:24.04\nRUN useradd -m app && passwd -l root\n", "FROM ubuntu:24.04\nRUN echo chpasswd\n"],
  invalid: [
    {
      code: "FROM ubuntu:24.04\nRUN echo 'root:root' | chpasswd\n",
      errors: [{ messageId: "chpasswd", line: 2, column: 24, endLine: 2, endColumn: 32 }],
    },
    {
      code: "FROM ubuntu:24.04\nRUN passwd -d app && useradd -p '$6$abc' bob\nRUN [\"chpasswd\"]\n",
      errors: [
        { messageId: "passwd", line: 2, column: 12, endLine: 2, endColumn: 14 },
        { messageId: "hash", line: 2, column: 30, endLine: 2, endColumn: 32 },
        { messageId: "chpasswd", line: 3, column: 5, endLine: 3, endColumn: 17 },
      ],
    },
  ],
});
