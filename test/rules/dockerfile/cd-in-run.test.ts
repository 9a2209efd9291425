import rule from "../../../rules/dockerfile/cd-in-run.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: ["FROM nginx:1.27\nWORKDIR /usr/share/nginx/html\nCMD cd /x && nginx\n", "FROM nginx:1.27\nRUN echo cd\n", "FROM nginx:1.27\nRUN cd /usr/share/nginx/html\n"],
  invalid: [
    {
      code: "FROM nginx:1.27\nRUN cd ../share/nginx/html\n",
      errors: [{ messageId: "cd", line: 2, column: 5, endLine: 2, endColumn: 27 }],
    },
    {
      code: "FROM node:20\nRUN cd /tmp/src && make && cd / && rm -rf /tmp/src\n",
      errors: [{ messageId: "cd", line: 2, column: 5, endLine: 2, endColumn: 16 }],
    },
  ],
});
