import rule from "../../../rules/compose/cgroup-parent-custom.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  app:\n    image: alpine:3.20\n",
    "services:\n  app:\n    image: alpine:3.20\n    cgroup_parent: \"\"\n",
  ],
  invalid: [
    {
      code: "services:\n  iperf:\n    build: .\n    cgroup_parent: nat-docker\n",
      errors: [{ messageId: "custom", line: 4, column: 20, endLine: 4, endColumn: 30, service: "iperf" }],
    },
    {
      // Written once in an anchor and merged into three services: one finding, where it is written.
      code: "x-worker: &worker\n  image: acme/worker:1.2\n  cgroup_parent: workers\nservices:\n  w1:\n    <<: *worker\n  w2:\n    <<: *worker\n  w3:\n    <<: *worker\n",
      errors: [{ messageId: "custom", line: 3, column: 18, endLine: 3, endColumn: 25, service: "w1" }],
    },
  ],
});
