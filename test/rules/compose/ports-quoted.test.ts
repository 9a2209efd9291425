import rule from "../../../rules/compose/ports-quoted.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"8080:80\"\n      - '127.0.0.1:8443:443'\n      - target: 80\n        published: 8081\n    expose:\n      - \"9000\"\n",
    { code: "services:\n  web:\n    image: nginx:1.27\n    expose:\n      - 9000\n", options: { portsSections: ["ports"] } },
  ],
  invalid: [
    {
      // A quote inside the plain scalar is escaped, or the fix would end the string early.
      code: "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - ${WEB_PORT:-8080}:${TARGET:-\"80\"}\n",
      errors: [{ messageId: "unquoted", line: 5, column: 9, endLine: 5, endColumn: 42, service: "web" }],
      output: "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"${WEB_PORT:-8080}:${TARGET:-\\\"80\\\"}\"\n",
    },
    {
      code: "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - ${WEB_PORT:-8080}:${TARGET:-'80'}\n",
      options: { quoteType: "single" },
      errors: [{ messageId: "unquoted", line: 5, column: 9, endLine: 5, endColumn: 42, service: "web" }],
      output: "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - '${WEB_PORT:-8080}:${TARGET:-''80''}'\n",
    },
    {
      code: "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 22:22\n      - \"8080:80\"\n      - 127.0.0.1:8443:443 # tls\n    expose: [9000, \"9001\"]\n",
      errors: [
        // 22:22 is a YAML 1.1 base-60 integer (22 * 60 + 22); 8443:443 is not (443 is no base-60 digit).
        { messageId: "base60", line: 5, column: 9, endLine: 5, endColumn: 14, service: "web", data: { section: "ports", port: "22:22", value: "1342" } },
        { messageId: "unquoted", line: 7, column: 9, endLine: 7, endColumn: 27, service: "web" },
        { messageId: "unquoted", line: 8, column: 14, endLine: 8, endColumn: 18, service: "web" },
      ],
      output: "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"22:22\"\n      - \"8080:80\"\n      - \"127.0.0.1:8443:443\" # tls\n    expose: [\"9000\", \"9001\"]\n",
    },
    {
      code: "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 8080:80\n",
      options: { quoteType: "single" },
      errors: [{ messageId: "unquoted", line: 5, column: 9, endLine: 5, endColumn: 16 }],
      output: "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - '8080:80'\n",
    },
  ],
});
