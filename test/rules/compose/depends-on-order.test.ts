import rule from "../../../rules/compose/depends-on-order.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    // Documents of one file merge in order; the merged order is no document's.
    "services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n---\nservices:\n  web:\n    depends_on: [api]\n",
    "services:\n  web:\n    image: app:1\n    depends_on: [api, db]\n",
    "services:\n  web:\n    image: app:1\n    depends_on:\n      api:\n        condition: service_started\n      db:\n        condition: service_healthy\n",
  ],
  invalid: [
    {
      code: "services:\n  web:\n    image: app:1\n    depends_on:\n      - redis\n      - db\n",
      errors: [{ messageId: "order", line: 4, column: 5, endLine: 4, endColumn: 15, service: "web" }],
      output: "services:\n  web:\n    image: app:1\n    depends_on:\n      - db\n      - redis\n",
    },
    {
      code: "services:\n  web:\n    image: app:1\n    depends_on:\n      redis:\n        condition: service_started\n      db:\n        condition: service_healthy\n        restart: true\n    restart: always\n",
      errors: [{ messageId: "order", line: 4, column: 5, endLine: 4, endColumn: 15 }],
      output: "services:\n  web:\n    image: app:1\n    depends_on:\n      db:\n        condition: service_healthy\n        restart: true\n      redis:\n        condition: service_started\n    restart: always\n",
    },
    {
      // Flow style: reported without a fix.
      code: "services:\n  web:\n    image: app:1\n    depends_on: [redis, db]\n",
      errors: [{ messageId: "order", line: 4, column: 5, endLine: 4, endColumn: 15 }],
    },
  ],
});
