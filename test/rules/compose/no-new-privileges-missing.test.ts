import rule from "../../../rules/compose/no-new-privileges-missing.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    // inherited from the base it extends, or merged from the override beside it
    "services:\n  base:\n    image: example/app:1\n    security_opt: [\"no-new-privileges:true\"]\n  worker:\n    extends: base\n    command: [worker]\n  other:\n    extends:\n      service: base\n",
    { code: "services:\n  api:\n    image: example/api:1\n", files: { "compose.override.yaml": "services:\n  api:\n    security_opt: [\"no-new-privileges:true\"]\n" } },
    // a base in another file: its settings are not known here
    { code: "services:\n  api:\n    extends:\n      file: common.yaml\n      service: base\n" },
    "services:\n  app:\n    image: example/app:1\n    security_opt:\n      - no-new-privileges:true\n",
    "services:\n  app:\n    image: example/app:1\n    security_opt: [\"no-new-privileges\"]\n",
    "services:\n  app:\n    image: example/app:1\n    security_opt:\n      - no-new-privileges=true\n",
    "services:\n  app:\n    environment:\n      A: b\n",
  ],
  invalid: [
    {
      code: "services:\n  app:\n    image: example/app:1\n",
      errors: [{ messageId: "missing", line: 2, column: 3, endLine: 2, endColumn: 6, service: "app" }],
    },
    {
      code: "services:\n  a:\n    image: example/a:1\n    security_opt:\n      - \"apparmor: false\"\n  b:\n    image: example/b:1\n    security_opt:\n      - no-new-privileges:false\n",
      errors: [
        { messageId: "missing", line: 4, column: 5, endLine: 4, endColumn: 17 },
        { messageId: "disabled", line: 9, column: 9, endLine: 9, endColumn: 32 },
      ],
    },
    {
      // An explicit false written once in an anchor and merged into three services: one finding, where it is written.
      code: "x-worker: &worker\n  image: acme/worker:1.2\n  security_opt: [\"no-new-privileges:false\"]\nservices:\n  w1:\n    <<: *worker\n  w2:\n    <<: *worker\n  w3:\n    <<: *worker\n",
      errors: [{ messageId: "disabled", line: 3, column: 18, endLine: 3, endColumn: 43, service: "w1" }],
    },
  ],
});
