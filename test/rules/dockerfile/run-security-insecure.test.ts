import rule from "../../../rules/dockerfile/run-security-insecure.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: ["FROM alpine:3.20\nRUN --security=sandbox make\n", "FROM alpine:3.20\nRUN echo --security=insecure\n"],
  invalid: [
    {
      code: "FROM alpine:3.20\nRUN --mount=type=cache,target=/c --security=insecure make\n",
      errors: [{ messageId: "insecure", line: 2, column: 34, endLine: 2, endColumn: 53 }],
    },
    {
      code: "FROM alpine:3.20\nONBUILD RUN --security=insecure make\n",
      errors: [{ messageId: "insecure", line: 2, column: 13, endLine: 2, endColumn: 32 }],
    },
  ],
});
