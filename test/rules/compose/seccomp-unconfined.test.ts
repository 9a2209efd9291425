import rule from "../../../rules/compose/seccomp-unconfined.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  app:\n    image: example/app:1\n",
    "services:\n  app:\n    image: example/app:1\n    security_opt:\n      - seccomp:./profile.json\n      - apparmor:unconfined\n",
  ],
  invalid: [
    {
      code: "services:\n  app:\n    image: example/app:1\n    security_opt:\n      - seccomp:unconfined\n      - \"seccomp=unconfined\"\n      - label:seccomp:unconfined\n",
      errors: [
        { messageId: "unconfined", line: 5, column: 9, endLine: 5, endColumn: 27, service: "app" },
        { messageId: "unconfined", line: 6, column: 9, endLine: 6, endColumn: 29, service: "app" },
        { messageId: "unconfined", line: 7, column: 9, endLine: 7, endColumn: 33, service: "app" },
      ],
    },
  ],
});
