import rule from "../../../rules/dockerfile/copy-multi-src-needs-slash.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM node:20\nCOPY package.json yarn.lock my_app/\n",
    "FROM node:20\nCOPY package.json yarn.lock\n",
    "FROM node:20\nCOPY [\"a\", \"b\", \"/app/\"]\nADD a b $DEST\nCOPY a b \"/opt/x y/\"\n",
    "FROM node:20\nCOPY <<EOF /etc/app.conf\nx y z\nEOF\n",
    "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY a b C:\\\\app\\\\\n",
  ],
  invalid: [
    {
      code: "FROM node:20\nCOPY package.json yarn.lock my_app\n",
      errors: [{ messageId: "slash", line: 2, column: 29, endLine: 2, endColumn: 35 }],
      output: "FROM node:20\nCOPY package.json yarn.lock my_app/\n",
    },
    {
      code: "FROM node:20\nCOPY [\"a.txt\", \"b.txt\", \"/conf\"]\nADD --chown=1 x \\\n  y \"/opt/z\"\n",
      errors: [
        { messageId: "slash", line: 2, column: 25, endLine: 2, endColumn: 32 },
        { messageId: "slash", line: 4, column: 5, endLine: 4, endColumn: 13 },
      ],
      output: "FROM node:20\nCOPY [\"a.txt\", \"b.txt\", \"/conf/\"]\nADD --chown=1 x \\\n  y \"/opt/z/\"\n",
    },
    {
      code: "FROM node:20\nCOPY <<a <<b /etc\nA\na\nB\nb\n",
      errors: [{ messageId: "slash", line: 2, column: 14, endLine: 2, endColumn: 18 }],
      output: "FROM node:20\nCOPY <<a <<b /etc/\nA\na\nB\nb\n",
    },
  ],
});
