import rule from "../../../rules/compose/rootfs-writable.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  app:\n    image: example/app:1\n    read_only: true\n    tmpfs: [/tmp]\n",
    "services:\n  app:\n    environment:\n      A: b\n",
  ],
  invalid: [
    {
      code: "services:\n  app:\n    image: example/app:1\n  web:\n    image: nginx:1.27\n    read_only: false\n",
      errors: [
        { messageId: "writable", line: 2, column: 3, endLine: 2, endColumn: 6, service: "app" },
        { messageId: "writable", line: 6, column: 16, endLine: 6, endColumn: 21, service: "web" },
      ],
    },
  ],
});
