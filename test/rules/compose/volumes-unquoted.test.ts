import rule from "../../../rules/compose/volumes-unquoted.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./html:/usr/share/nginx/html:ro\n",
    // Quotes that are needed: a comment sign, a colon-space, a leading `*`, an escape.
    "services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - \"./a #b:/data\"\n      - \"./a: b:/data\"\n      - \"*:/data\"\n      - \"C:\\\\data:/data\"\n",
  ],
  invalid: [
    {
      code: "services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - \"./html:/usr/share/nginx/html:ro\"\n      - '${DATA_DIR:-./data}:/data'\n    configs: [\"a\"]\n",
      errors: [
        { messageId: "quoted", line: 5, column: 9, endLine: 5, endColumn: 42, service: "web" },
        { messageId: "quoted", line: 6, column: 9, endLine: 6, endColumn: 36, service: "web" },
      ],
      output: "services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./html:/usr/share/nginx/html:ro\n      - ${DATA_DIR:-./data}:/data\n    configs: [\"a\"]\n",
    },
    {
      // In a flow list the value must also survive without quotes there.
      code: "services:\n  web:\n    image: nginx:1.27\n    volumes: [\"data:/data\", \"./a,b:/x\"]\n",
      errors: [{ messageId: "quoted", line: 4, column: 15, endLine: 4, endColumn: 27 }],
      output: "services:\n  web:\n    image: nginx:1.27\n    volumes: [data:/data, \"./a,b:/x\"]\n",
    },
  ],
});
