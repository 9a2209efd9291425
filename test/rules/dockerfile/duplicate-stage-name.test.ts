import rule from "../../../rules/dockerfile/duplicate-stage-name.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM debian:12 as build\nRUN make\nFROM debian:12 as another-alias\n",
    "FROM debian:12\nFROM debian:12\n",
  ],
  invalid: [
    {
      code: "FROM baseImage\nRUN Test\n\nFROM debian:jesse2 as build\nRUN stuff\n\nFROM debian:jesse1 as build\nRUN more_stuff\n",
      errors: [{ messageId: "duplicate", line: 4, column: 23, endLine: 4, endColumn: 28 }],
    },
    {
      code: "FROM a AS x\nFROM b AS X\nFROM c AS x\n",
      errors: [
        { messageId: "duplicate", line: 1, column: 11, endLine: 1, endColumn: 12 },
        { messageId: "duplicate", line: 2, column: 11, endLine: 2, endColumn: 12 },
      ],
    },
  ],
});
