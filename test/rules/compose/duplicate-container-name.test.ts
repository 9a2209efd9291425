import rule from "../../../rules/compose/duplicate-container-name.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  a:\n    image: app:1\n    container_name: app-a\n  b:\n    image: app:1\n    container_name: app-b\n",
    // Alternatives under disjoint profiles never run together.
    "services:\n  dev:\n    image: app:1\n    container_name: app\n    profiles: [dev]\n  prod:\n    image: app:1\n    container_name: app\n    profiles: [prod]\n",
    // Unknown without the environment.
    "services:\n  a:\n    image: app:1\n    container_name: ${NAME}\n  b:\n    image: app:1\n    container_name: ${NAME}\n",
    // One replica, or a count only the environment knows.
    "services:\n  a:\n    image: app:1\n    container_name: app-a\n    deploy:\n      replicas: 1\n  b:\n    image: app:1\n    container_name: app-b\n    scale: ${B_SCALE}\n",
  ],
  invalid: [
    {
      code: "services:\n  a:\n    image: app:1\n    container_name: app\n  b:\n    image: app:1\n    container_name: \"app\"\n  c:\n    image: app:1\n    container_name: ${C_NAME:-app}\n",
      errors: [
        { messageId: "duplicate", line: 7, column: 21, endLine: 7, endColumn: 26, service: "b" },
        { messageId: "duplicate", line: 10, column: 21, endLine: 10, endColumn: 35, service: "c" },
      ],
    },
    {
      // Written once in an anchor and merged into three services: one finding, where it is written.
      code: "x-worker: &worker\n  image: acme/worker:1.2\n  container_name: worker\nservices:\n  w1:\n    <<: *worker\n  w2:\n    <<: *worker\n  w3:\n    <<: *worker\n",
      errors: [{ messageId: "duplicate", line: 3, column: 19, endLine: 3, endColumn: 25, service: "w2" }],
    },
    {
      // container_name and several replicas exclude each other: Compose refuses the file.
      code: "services:\n  web:\n    image: app:1\n    container_name: web\n    deploy:\n      replicas: 3\n  worker:\n    image: app:1\n    container_name: worker\n    scale: ${WORKERS:-2}\n",
      errors: [
        { messageId: "scaled", line: 4, column: 21, endLine: 4, endColumn: 24, data: { service: "web", name: "web", replicas: "3", key: "deploy.replicas" } },
        { messageId: "scaled", line: 9, column: 21, endLine: 9, endColumn: 27, data: { service: "worker", name: "worker", replicas: "2", key: "scale" } },
      ],
    },
  ],
});
