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
  ],
});
