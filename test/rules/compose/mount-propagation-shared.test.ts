import rule from "../../../rules/compose/mount-propagation-shared.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  app:\n    image: example/app:1\n    volumes:\n      - ./data:/data:rprivate\n      - type: bind\n        source: ./x\n        target: /x\n        bind:\n          propagation: private\n",
  ],
  invalid: [
    {
      code: "services:\n  csi:\n    image: example/csi:1\n    volumes:\n      - /mnt/data:/data:ro,rshared\n      - type: bind\n        source: $ENVVAR/path\n        target: \"/data2\"\n        bind:\n          propagation: slave\n",
      errors: [
        { messageId: "shared", line: 5, column: 28, endLine: 5, endColumn: 35, service: "csi" },
        { messageId: "shared", line: 10, column: 24, endLine: 10, endColumn: 29, service: "csi" },
      ],
    },
    {
      // Written once in an anchor and merged into three services: one finding, where it is written.
      code: "x-worker: &worker\n  image: acme/worker:1.2\n  volumes: [\"/mnt/data:/data:rshared\"]\nservices:\n  w1:\n    <<: *worker\n  w2:\n    <<: *worker\n  w3:\n    <<: *worker\n",
      errors: [{ messageId: "shared", line: 3, column: 30, endLine: 3, endColumn: 37, service: "w1" }],
    },
  ],
});
