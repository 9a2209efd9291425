import rule from "../../../rules/dockerfile/legacy-key-value.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: ["FROM alpine:3.20\nENV A=1 B=\"two words\"\nLABEL x=y\nARG Z\n"],
  invalid: [
    {
      code: "FROM alpine:3.20\nENV APP_HOME /srv/app\nLABEL description Internal billing service\n",
      errors: [
        { messageId: "legacy", line: 2, column: 5, endLine: 2, endColumn: 22 },
        { messageId: "legacy", line: 3, column: 7, endLine: 3, endColumn: 43 },
      ],
      output: "FROM alpine:3.20\nENV APP_HOME=/srv/app\nLABEL description=\"Internal billing service\"\n",
    },
    {
      code: "FROM alpine:3.20\nENV MSG \"it's\" here\n",
      errors: [{ messageId: "legacy", line: 2, column: 5, endLine: 2, endColumn: 20 }],
    },
  ],
});
