import rule from "../../../rules/compose/host-userns.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  app:\n    image: alpine:3.20\n",
    "services:\n  app:\n    image: alpine:3.20\n    userns_mode: \"keep-id\"\n",
  ],
  invalid: [
    {
      code: "services:\n  app:\n    image: alpine:3.20\n    userns_mode: host\n",
      errors: [{ messageId: "host", line: 4, column: 18, endLine: 4, endColumn: 22, service: "app" }],
    },
  ],
});
