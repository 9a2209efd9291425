import rule from "../../../rules/compose/version-field-obsolete.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: ["services:\n  web:\n    image: nginx:1.27\n", "name: shop\nservices: {}\n"],
  invalid: [
    {
      // The line goes, and the blank line after it when it opened the file.
      code: "version: \"3.8\"\n\nservices:\n  web:\n    image: nginx:1.27\n",
      errors: [{ messageId: "obsolete", line: 1, column: 1, endLine: 1, endColumn: 8 }],
      output: "services:\n  web:\n    image: nginx:1.27\n",
    },
    {
      // After a comment, with a trailing comment of its own.
      code: "# shop stack\nversion: '3' # legacy\n\nservices:\n  web:\n    image: nginx:1.27\n",
      errors: [{ messageId: "obsolete", line: 2, column: 1, endLine: 2, endColumn: 8 }],
      output: "# shop stack\n\nservices:\n  web:\n    image: nginx:1.27\n",
    },
    {
      code: "services:\n  web:\n    image: nginx:1.27\nversion: 2.4",
      errors: [{ messageId: "obsolete", line: 4, column: 1, endLine: 4, endColumn: 8 }],
      output: "services:\n  web:\n    image: nginx:1.27\n",
    },
    {
      // Flow style: no fix.
      code: "{version: '3', services: {}}\n",
      errors: [{ messageId: "obsolete", line: 1, column: 2, endLine: 1, endColumn: 9 }],
    },
  ],
});
