import rule from "../../../rules/compose/host-ipc.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  app:\n    image: busybox:1.36\n",
    "services:\n  app:\n    image: busybox:1.36\n    ipc: shareable\n  b:\n    image: busybox:1.36\n    ipc: \"service:app\"\n",
  ],
  invalid: [
    {
      code: "services:\n  app:\n    image: busybox:1.36\n    ipc: \"host\"\n",
      errors: [{ messageId: "host", line: 4, column: 10, endLine: 4, endColumn: 16, service: "app" }],
    },
  ],
});
