import rule from "../../../rules/compose/ports-order.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"80:80\"\n      - \"127.0.0.1:443:443\"\n      - target: 8080\n        published: 8080\n",
    // Documents of one file merge in order; the merged order is no document's.
    "services:\n  web:\n    image: nginx:1.27\n    ports: [\"8080:8080\"]\n---\nservices:\n  web:\n    ports: [\"80:80\"]\n",
  ],
  invalid: [
    {
      // Sorted numerically by host port.
      code: "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"8443:443\"\n      - target: 9000\n        published: 900\n      - \"80:80\"\n",
      errors: [{ messageId: "order", line: 4, column: 5, endLine: 4, endColumn: 10, service: "web" }],
      output: "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"80:80\"\n      - target: 9000\n        published: 900\n      - \"8443:443\"\n",
    },
  ],
});
