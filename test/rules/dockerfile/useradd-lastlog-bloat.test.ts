import rule from "../../../rules/dockerfile/useradd-lastlog-bloat.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM debian:12\nRUN useradd -u 10001 app\n",
    "FROM debian:12\nRUN useradd -l -u 123456789 app\n",
    "FROM debian:12\nRUN useradd --no-log-init --uid=123456789 app\n",
    "FROM debian:12\nRUN useradd -r -lu 123456789 app\n",
    "FROM debian:12\nRUN useradd -u $APP_UID app\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN useradd -u 123456789 app\n",
      errors: [{ messageId: "lastlog", line: 2, column: 16, endLine: 2, endColumn: 25 }],
      output: "FROM debian:12\nRUN useradd --no-log-init -u 123456789 app\n",
    },
    {
      code: "FROM debian:12\nRUN groupadd -g 100000 app && sudo useradd --uid=100000 -g app app\n",
      errors: [{ messageId: "lastlog", line: 2, column: 44, endLine: 2, endColumn: 56 }],
      output: "FROM debian:12\nRUN groupadd -g 100000 app && sudo useradd --no-log-init --uid=100000 -g app app\n",
    },
  ],
});
