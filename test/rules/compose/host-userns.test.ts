import rule from "../../../rules/compose/host-userns.js";
import { ruleTester } from "../../helpers/rule-tester.js";
import { WINDOWS_SERVICES } from "../../helpers/windows-services.js";

ruleTester(rule, {
  valid: [
    // Windows containers: Docker ignores or refuses this Linux-only setting there.
    WINDOWS_SERVICES,
    "services:\n  app:\n    image: alpine:3.20\n",
    "services:\n  app:\n    image: alpine:3.20\n    userns_mode: \"keep-id\"\n",
  ],
  invalid: [
    {
      code: "services:\n  app:\n    image: alpine:3.20\n    userns_mode: host\n",
      errors: [{ messageId: "host", line: 4, column: 18, endLine: 4, endColumn: 22, service: "app" }],
    },
    {
      // Written once in an anchor and merged into three services: one finding, where it is written.
      code: "x-worker: &worker\n  image: acme/worker:1.2\n  userns_mode: host\nservices:\n  w1:\n    <<: *worker\n  w2:\n    <<: *worker\n  w3:\n    <<: *worker\n",
      errors: [{ messageId: "host", line: 3, column: 16, endLine: 3, endColumn: 20, service: "w1" }],
    },
  ],
});
