import rule from "../../../rules/compose/build-and-image.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  api:\n    build: .\n  web:\n    image: nginx:1.27\n",
    "services:\n  api:\n    build: .\n    image: org/api:1.0\n    pull_policy: build\n",
  ],
  invalid: [
    {
      code: "services:\n  api:\n    build:\n      context: .\n    image: org/api:1.0\n",
      errors: [{ messageId: "both", line: 5, column: 5, endLine: 5, endColumn: 10, service: "api" }],
    },
    {
      code: "services:\n  api:\n    image: org/api:1.0\n    build: .\n    pull_policy: build\n",
      options: { checkPullPolicy: false },
      errors: [{ messageId: "both", line: 3, column: 5, endLine: 3, endColumn: 10 }],
    },
    {
      // Written once in an anchor and merged into three services: one finding, where it is written.
      code: "x-worker: &worker\n  image: acme/worker:1.2\n  build: .\nservices:\n  w1:\n    <<: *worker\n  w2:\n    <<: *worker\n  w3:\n    <<: *worker\n",
      errors: [{ messageId: "both", line: 2, column: 3, endLine: 2, endColumn: 8, service: "w1" }],
    },
  ],
});
