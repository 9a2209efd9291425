import rule from "../../../rules/dockerfile/suppression-used.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: ["# a plain comment\nFROM alpine:3.20\n# install curl\nRUN apk add --no-cache curl\n"],
  invalid: [
    {
      code: "# hadolint global ignore=DL3018\nFROM alpine:3.20\n# dockaudit ignore=apk-version-unpinned\nRUN apk add --no-cache curl\n",
      errors: [
        { messageId: "file", line: 1, column: 1, endLine: 1, endColumn: 32 },
        { messageId: "line", line: 3, column: 1, endLine: 3, endColumn: 40 },
      ],
    },
  ],
});
