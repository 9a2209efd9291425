import rule from "../../../rules/compose/seccomp-unconfined.js";
import { ruleTester } from "../../helpers/rule-tester.js";
import { WINDOWS_SERVICES } from "../../helpers/windows-services.js";

ruleTester(rule, {
  valid: [
    // Windows containers: the Windows daemon reads none of these options.
    WINDOWS_SERVICES,
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
    {
      // Written once in an anchor and merged into three services: one finding, where it is written.
      code: "x-worker: &worker\n  image: acme/worker:1.2\n  security_opt: [\"seccomp:unconfined\"]\nservices:\n  w1:\n    <<: *worker\n  w2:\n    <<: *worker\n  w3:\n    <<: *worker\n",
      errors: [{ messageId: "unconfined", line: 3, column: 18, endLine: 3, endColumn: 38, service: "w1" }],
    },
  ],
});
