import rule from "../../../rules/compose/top-level-order.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "x-a: &a {}\nx-b: {}\nname: shop\nservices:\n  web:\n    image: nginx:1.27\nnetworks: {}\nvolumes: {}\n",
    // Documents of one file merge in order; the merged order is no document's.
    "services:\n  web:\n    image: nginx:1.27\n---\nname: shop\n",
    { code: "services:\n  web:\n    image: nginx:1.27\nname: shop\n", options: { customOrder: ["services", "name"] } },
  ],
  invalid: [
    {
      code: "name: shop\nservices:\n  web:\n    image: nginx:1.27\n",
      options: { customOrder: ["services", "name"] },
      errors: [{ messageId: "order", line: 2, column: 1, endLine: 2, endColumn: 9 }],
      output: "services:\n  web:\n    image: nginx:1.27\nname: shop\n",
    },
    {
      // An anchor may not move below its alias: reported without a fix.
      code: "x-b: &b\n  restart: always\nx-a:\n  <<: *b\n",
      errors: [{ messageId: "order", line: 3, column: 1, endLine: 3, endColumn: 4 }],
    },
    {
      code: "services:\n  web:\n    image: nginx:1.27\nname: shop\nx-common:\n  restart: always\n",
      errors: [
        { messageId: "order", line: 4, column: 1, endLine: 4, endColumn: 5 },
        { messageId: "order", line: 5, column: 1, endLine: 5, endColumn: 9 },
      ],
      output: "x-common:\n  restart: always\nname: shop\nservices:\n  web:\n    image: nginx:1.27\n",
    },
    {
      code: "volumes:\n  data: {}\n\nservices:\n  web:\n    image: nginx:1.27\n    volumes: [data:/data]\n",
      errors: [{ messageId: "order", line: 4, column: 1, endLine: 4, endColumn: 9 }],
      output: "services:\n  web:\n    image: nginx:1.27\n    volumes: [data:/data]\n\nvolumes:\n  data: {}\n",
    },
    {
      // The comment at the top of the file is its header and stays there (redash).
      code: "# For development only.\nx-env: &env\n  A: 1\nservices:\n  web:\n    image: nginx:1.27\n    environment: *env\nname: shop\n",
      errors: [{ messageId: "order", line: 8, column: 1, endLine: 8, endColumn: 5 }],
      output: "# For development only.\nx-env: &env\n  A: 1\nname: shop\nservices:\n  web:\n    image: nginx:1.27\n    environment: *env\n",
    },
    {
      // A byte-order mark stays at the start of the file; moved with the first key, it would make
      // that key `\uFEFFvolumes`.
      code: "\uFEFFvolumes:\n  data: {}\nservices:\n  web:\n    image: nginx:1.27\n",
      errors: [{ messageId: "order", line: 3, column: 1, endLine: 3, endColumn: 9 }],
      output: "\uFEFFservices:\n  web:\n    image: nginx:1.27\nvolumes:\n  data: {}\n",
    },
  ],
});
