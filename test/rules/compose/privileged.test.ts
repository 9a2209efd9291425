import rule from "../../../rules/compose/privileged.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  web:\n    image: nginx:1.27\n",
    "services:\n  web:\n    image: nginx:1.27\n    privileged: false\n",
    "services: {}\n",
    "",
  ],
  invalid: [
    {
      code: "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n",
      errors: [{ messageId: "privileged", line: 4, column: 17, endLine: 4, endColumn: 21, service: "web" }],
    },
    {
      code: "x-base: &base\n  privileged: true\nservices:\n  a:\n    <<: *base\n    image: alpine:3.20\n  b:\n    image: alpine:3.20\n    privileged: \"true\"\n",
      errors: [
        { messageId: "privileged", line: 2, column: 15, endLine: 2, endColumn: 19 },
        { messageId: "privileged", line: 9, column: 17, endLine: 9, endColumn: 23 },
      ],
    },
  ],
});
