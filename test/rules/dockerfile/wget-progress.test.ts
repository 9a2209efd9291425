import rule from "../../../rules/dockerfile/wget-progress.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM debian:12\nRUN wget --progress=dot:giga https://x\n",
    "FROM debian:12\nRUN wget -qO- https://x | sh && wget -nv https://y && wget --quiet z\n",
    "FROM debian:12\nRUN wget -o /tmp/log https://x && wget -cq y\n",
    "FROM debian:12\nRUN [\"wget\", \"https://x\"]\n",
  ],
  invalid: [
    {
      code: "FROM node:20\nRUN wget my.xyz\n",
      errors: [{ messageId: "progress", line: 2, column: 5, endLine: 2, endColumn: 9 }],
    },
    {
      code: "FROM node:20\nRUN wget -Oq.txt https://x && /usr/bin/wget -c y\n",
      errors: [
        { messageId: "progress", line: 2, column: 5, endLine: 2, endColumn: 9 },
        { messageId: "progress", line: 2, column: 31, endLine: 2, endColumn: 44 },
      ],
    },
  ],
});
