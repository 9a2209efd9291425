import rule from "../../../rules/compose/host-pid.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  app:\n    image: alpine:3.20\n",
    "services:\n  app:\n    image: alpine:3.20\n    pid: \"container:other\"\n",
    "services:\n  app:\n    image: alpine:3.20\n    pid: \"service:other\"\n",
  ],
  invalid: [
    {
      code: "services:\n  app:\n    image: alpine:3.20\n    pid: \"host\" # needed for ps\n",
      errors: [{ messageId: "host", line: 4, column: 10, endLine: 4, endColumn: 16, service: "app" }],
    },
    {
      code: "services:\n  a:\n    build: .\n  b:\n      build: b\n      pid: host\n",
      errors: [{ messageId: "host", line: 6, column: 12, endLine: 6, endColumn: 16, service: "b" }],
    },
    {
      // Written once in an anchor and merged into three services: one finding, where it is written.
      code: "x-worker: &worker\n  image: acme/worker:1.2\n  pid: host\nservices:\n  w1:\n    <<: *worker\n  w2:\n    <<: *worker\n  w3:\n    <<: *worker\n",
      errors: [{ messageId: "host", line: 3, column: 8, endLine: 3, endColumn: 12, service: "w1" }],
    },
  ],
});
