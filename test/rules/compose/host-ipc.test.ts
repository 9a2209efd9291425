import rule from "../../../rules/compose/host-ipc.js";
import { ruleTester, runCase } from "../../helpers/rule-tester.js";

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
    {
      // Written once in an anchor and merged into three services: one finding, where it is written.
      code: "x-worker: &worker\n  image: acme/worker:1.2\n  ipc: host\nservices:\n  w1:\n    <<: *worker\n  w2:\n    <<: *worker\n  w3:\n    <<: *worker\n",
      errors: [{ messageId: "host", line: 3, column: 8, endLine: 3, endColumn: 12, service: "w1" }],
    },
  ],
});

it("points a service that only needs a bigger /dev/shm at shm_size", () => {
  // The usual reason for ipc: host is a headless browser running out of the default 64 MB /dev/shm.
  const [finding] = runCase(rule, { code: "services:\n  e2e:\n    image: example/e2e-browser:1\n    ipc: host\n" });
  expect(finding.message).toContain("`shm_size`");
});
