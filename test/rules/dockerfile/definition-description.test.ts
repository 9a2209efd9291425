import rule from "../../../rules/dockerfile/definition-description.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "# GO_VERSION is the toolchain release\nARG GO_VERSION=1.22\n# build compiles the binary\nFROM golang:${GO_VERSION} AS build\n",
    "# unrelated\n\nARG X=1\nFROM alpine:3.20\n# dockaudit ignore=sudo-in-run\nARG Y\n",
    "# any comment\nFROM alpine:3.20\n",
  ],
  invalid: [
    {
      code: "# The Go version to use\nARG GO_VERSION=1.22\n# compile stage\nFROM golang:1.22 AS build\n",
      errors: [
        { messageId: "description", line: 1, column: 1, endLine: 1, endColumn: 24 },
        { messageId: "description", line: 3, column: 1, endLine: 3, endColumn: 16 },
      ],
    },
  ],
});
