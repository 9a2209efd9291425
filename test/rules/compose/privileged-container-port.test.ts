import rule from "../../../rules/compose/privileged-container-port.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    // High container ports, whatever the host port.
    "services:\n  app:\n    image: example/app:1\n    ports:\n      - \"80:8080\"\n      - \"8000\"\n      - \"127.0.0.1::5000\"\n      - \"${PORT}\"\n",
    // NET_BIND_SERVICE dropped (or everything), or added back on purpose.
    "services:\n  web:\n    image: nginx:1.27\n    cap_drop: [NET_BIND_SERVICE]\n    ports:\n      - \"8080:80\"\n",
    "services:\n  web:\n    image: nginx:1.27\n    cap_drop: [ALL]\n    cap_add: [CHOWN]\n    ports:\n      - \"8080:80\"\n",
    "services:\n  dns:\n    image: coredns/coredns:1.11.1\n    cap_drop: [ALL]\n    cap_add: [CAP_NET_BIND_SERVICE]\n    ports:\n      - \"5353:53/udp\"\n",
  ],
  invalid: [
    {
      code: "services:\n  web:\n    image: nginx:1.27\n    cap_drop: [CHOWN]\n    ports:\n      - \"8080:80\"\n      - \"127.0.0.1::50\"\n      - \"9090-9091:80-81\"\n      - target: 22\n        published: 2222\n      - \"${SSH_PORT:-2222}:${SSH_TARGET:-22}\"\n",
      errors: [
        { messageId: "privileged", line: 6, column: 9, endLine: 6, endColumn: 18, service: "web" },
        { messageId: "privileged", line: 7, column: 9, endLine: 7, endColumn: 24, service: "web" },
        { messageId: "privileged", line: 8, column: 9, endLine: 8, endColumn: 26, service: "web" },
        { messageId: "privileged", line: 9, column: 9, endLine: 10, endColumn: 24, service: "web" },
        { messageId: "privileged", line: 11, column: 9, endLine: 11, endColumn: 46, service: "web" },
      ],
    },
    {
      // Written once in an anchor and merged into three services: one finding, where it is written.
      code: "x-worker: &worker\n  image: acme/worker:1.2\n  ports: [\"127.0.0.1:8080:80\"]\nservices:\n  w1:\n    <<: *worker\n  w2:\n    <<: *worker\n  w3:\n    <<: *worker\n",
      errors: [{ messageId: "privileged", line: 3, column: 11, endLine: 3, endColumn: 30, service: "w1" }],
    },
  ],
});
