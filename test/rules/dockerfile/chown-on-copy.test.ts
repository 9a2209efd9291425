import rule from "../../../rules/dockerfile/chown-on-copy.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM python:3.7\nCOPY app /app\n",
    "FROM python:3.7\nCOPY --chown=root:root app /app\n",
    "FROM python:3.7\nCOPY --chown=0 app /app\n",
    "FROM python:3.7\nCOPY --chown=$UID app /app\n",
    "FROM python:3.7 AS build\nCOPY --chown=app:app src /src\nFROM python:3.7\nCOPY --from=build /src /app\n",
  ],
  invalid: [
    {
      code: "FROM python:3.7\nRUN useradd -ms /bin/bash patrick\nCOPY --chown=patrick:patrick app /app\nUSER patrick\n",
      errors: [{ messageId: "chown", line: 3, column: 6, endLine: 3, endColumn: 29 }],
    },
    {
      code: "FROM python:3.7 AS base\nADD --chown=1000 app.tar.gz /app\nFROM base\n",
      errors: [{ messageId: "chown", line: 2, column: 5, endLine: 2, endColumn: 17 }],
    },
  ],
});
