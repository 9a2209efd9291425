import rule from "../../../rules/compose/rootfs-writable.js";
import { ruleTester } from "../../helpers/rule-tester.js";
import { WINDOWS_SERVICES } from "../../helpers/windows-services.js";

ruleTester(rule, {
  valid: [
    // Windows containers: Docker ignores or refuses this Linux-only setting there.
    WINDOWS_SERVICES,
    // inherited from the base it extends, or merged from the override beside it
    "services:\n  base:\n    image: example/app:1\n    read_only: true\n  worker:\n    extends: base\n    command: [worker]\n  other:\n    extends:\n      service: base\n",
    { code: "services:\n  api:\n    image: example/api:1\n", files: { "compose.override.yaml": "services:\n  api:\n    read_only: true\n" } },
    // a base in another file: its settings are not known here
    { code: "services:\n  api:\n    extends:\n      file: common.yaml\n      service: base\n" },
    "services:\n  app:\n    image: example/app:1\n    read_only: true\n    tmpfs: [/tmp]\n",
    // a string Compose casts to true, a variable's default included
    "services:\n  app:\n    image: example/app:1\n    read_only: ${READ_ONLY:-true}\n  web:\n    image: nginx:1.27\n    read_only: \"yes\"\n",
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
    {
      // Written once in an anchor and merged into three services: one finding, where it is written.
      code: "x-worker: &worker\n  image: acme/worker:1.2\n  read_only: false\nservices:\n  w1:\n    <<: *worker\n  w2:\n    <<: *worker\n  w3:\n    <<: *worker\n",
      errors: [{ messageId: "writable", line: 3, column: 14, endLine: 3, endColumn: 19, service: "w1" }],
    },
  ],
});
