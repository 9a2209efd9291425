import rule from "../../../rules/compose/host-network.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  web:\n    image: nginx:1.27\n",
    "services:\n  web:\n    image: nginx:1.27\n    network_mode: bridge\n",
    "services:\n  web:\n    image: nginx:1.27\n    network_mode: \"service:vpn\"\n",
    "services:\n  web:\n    image: nginx:1.27\n    network_mode: ${NET_MODE}\n",
  ],
  invalid: [
    {
      code: "services:\n  web:\n    image: nginx:1.27\n    network_mode: \"host\"\n",
      errors: [{ messageId: "host", line: 4, column: 19, endLine: 4, endColumn: 25, service: "web" }],
    },
    {
      code: "services:\n  agent:\n    image: datadog/agent:7\n    network_mode: ${NET_MODE:-host}\n",
      errors: [{ messageId: "host", line: 4, column: 19, endLine: 4, endColumn: 36 }],
    },
    {
      // Written once in an anchor and merged into three services: one finding, where it is written.
      code: "x-worker: &worker\n  image: acme/worker:1.2\n  network_mode: host\nservices:\n  w1:\n    <<: *worker\n  w2:\n    <<: *worker\n  w3:\n    <<: *worker\n",
      errors: [{ messageId: "host", line: 3, column: 17, endLine: 3, endColumn: 21, service: "w1" }],
    },
  ],
});
