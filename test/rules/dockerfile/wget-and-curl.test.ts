import rule from "../../../rules/dockerfile/wget-and-curl.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM debian:12\nRUN curl http://google.com\nRUN [\"curl\", \"http://bing.com\"]\n",
    "FROM debian:12 AS a\nRUN wget -q x\nFROM debian:12\nRUN curl -fsS y\n",
    "FROM debian:12\nRUN apt-get install -y wget curl\n",
  ],
  invalid: [
    {
      code: "FROM debian\nRUN wget http://google.com\nRUN curl http://bing.com\n\nFROM baseImage\nRUN wget http://test.com\nRUN curl http://bing.com\nRUN [\"curl\", \"http://bing.com\"]\n",
      errors: [
        { messageId: "both", line: 3, column: 5, endLine: 3, endColumn: 9 },
        { messageId: "both", line: 7, column: 5, endLine: 7, endColumn: 9 },
        { messageId: "both", line: 8, column: 5, endLine: 8, endColumn: 32 },
      ],
    },
    {
      code: "FROM debian\nRUN wget -q a && curl -fsS b\n",
      errors: [{ messageId: "both", line: 2, column: 5, endLine: 2, endColumn: 9 }],
    },
  ],
});
