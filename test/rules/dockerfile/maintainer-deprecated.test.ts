import rule from "../../../rules/dockerfile/maintainer-deprecated.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: ["FROM alpine:3.20\nLABEL maintainer=\"x@y.z\"\n"],
  invalid: [
    {
      code: "FROM alpine:3.5\nMAINTAINER \"SvenDowideit@home.org.au\"\n",
      errors: [{ messageId: "deprecated", line: 2, column: 1, endLine: 2, endColumn: 38 }],
      output: "FROM alpine:3.5\nLABEL org.opencontainers.image.authors=\"SvenDowideit@home.org.au\"\n",
    },
    {
      code: "FROM alpine:3.5\nmaintainer Jane Doe <jane@example.com>\n",
      errors: [{ messageId: "deprecated", line: 2, column: 1, endLine: 2, endColumn: 39 }],
      output: "FROM alpine:3.5\nlabel org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"\n",
    },
    {
      code: "FROM alpine:3.5\nMAINTAINER $AUTHOR\n",
      errors: [{ messageId: "deprecated", line: 2, column: 1, endLine: 2, endColumn: 19 }],
    },
  ],
});
