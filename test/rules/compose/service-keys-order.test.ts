import rule from "../../../rules/compose/service-keys-order.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    // Documents of one file merge in order; the merged order is no document's.
    "services:\n  web:\n    image: nginx:1.27\n    restart: always\n---\nservices:\n  web:\n    ports: [\"80:80\"]\n",
    "x-base: &x\n  init: true\nservices:\n  web:\n    <<: *x\n    image: nginx:1.27\n    depends_on: [api]\n    volumes: []\n    environment: {}\n    ports: []\n    command: run\n    restart: always\n    logging: {}\n    user: app\n    x-note: a\n",
    { code: "services:\n  web:\n    user: app\n    image: nginx:1.27\n", options: { groupOrder: ["Security and Execution Context", "Core Definitions"] } },
  ],
  invalid: [
    {
      code: "services:\n  web:\n    restart: always\n    ports:\n      - \"80:80\"\n    image: nginx:1.27\n    stop_grace_period: 5s\n    cap_drop: [ALL]\n",
      errors: [
        { messageId: "order", line: 4, column: 5, endLine: 4, endColumn: 10, service: "web" },
        { messageId: "order", line: 6, column: 5, endLine: 6, endColumn: 10, service: "web" },
        { messageId: "order", line: 8, column: 5, endLine: 8, endColumn: 13, service: "web" },
      ],
      output: "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"80:80\"\n    restart: always\n    cap_drop: [ALL]\n    stop_grace_period: 5s\n",
    },
  ],
});
