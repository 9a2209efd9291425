import rule from "../../../rules/compose/security-opt-missing.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  app:\n    image: example/app:1\n    security_opt:\n      - no-new-privileges:true\n",
    "services:\n  app:\n    ports: [\"8080:80\"]\n",
  ],
  invalid: [
    {
      code: "services:\n  webapp:\n    build:\n      context: ./\n",
      errors: [{ messageId: "missing", line: 2, column: 3, endLine: 2, endColumn: 9, service: "webapp" }],
    },
  ],
});
