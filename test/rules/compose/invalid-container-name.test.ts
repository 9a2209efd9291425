import rule from "../../../rules/compose/invalid-container-name.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  a:\n    image: app:1\n    container_name: my_app.web-1\n",
    "services:\n  a:\n    image: app:1\n    container_name: ${PROJECT:-shop}-web\n  b:\n    image: app:1\n    container_name: ${PROJECT}-web\n",
    "services:\n  a:\n    image: app:1\n    container_name: 42\n",
  ],
  invalid: [
    {
      code: "services:\n  a:\n    image: app:1\n    container_name: -web\n  b:\n    image: app:1\n    container_name: \"my app\"\n  c:\n    image: app:1\n    container_name: x\n",
      errors: [
        { messageId: "invalid", line: 4, column: 21, endLine: 4, endColumn: 25, service: "a" },
        { messageId: "invalid", line: 7, column: 21, endLine: 7, endColumn: 29, service: "b" },
        { messageId: "invalid", line: 10, column: 21, endLine: 10, endColumn: 22, service: "c" },
      ],
    },
    {
      // Written once in an anchor and merged into three services: one finding, where it is written.
      code: "x-worker: &worker\n  image: acme/worker:1.2\n  container_name: \"-worker\"\nservices:\n  w1:\n    <<: *worker\n  w2:\n    <<: *worker\n  w3:\n    <<: *worker\n",
      errors: [{ messageId: "invalid", line: 3, column: 19, endLine: 3, endColumn: 28, service: "w1" }],
    },
  ],
});
