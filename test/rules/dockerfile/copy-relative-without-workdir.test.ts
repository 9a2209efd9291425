import rule from "../../../rules/dockerfile/copy-relative-without-workdir.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM node:20\nWORKDIR /app\nCOPY package.json .\n",
    "FROM node:20\nCOPY package.json /app/\nCOPY [\"a\", \"$HOME/b\"]\n",
    "FROM node:20 AS base\nWORKDIR /app\nFROM base\nCOPY . .\n",
    "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app C:\\\\app\n",
    "FROM node:20\nCOPY <<EOF /etc/app.conf\nkey = value\nEOF\n",
    "FROM node:20\nCOPY\n",
    "FROM node:20 AS build\nWORKDIR /src\nFROM scratch\nCOPY --from=build /out .\n",
  ],
  invalid: [
    {
      code: "FROM node:20\nCOPY package.json .\nWORKDIR /app\nCOPY . .\n",
      errors: [{ messageId: "relative", line: 2, column: 19, endLine: 2, endColumn: 20 }],
    },
    {
      code: "FROM node:20 AS build\nWORKDIR /src\nFROM node:20\nCOPY --from=build /src/dist /dist\nCOPY [\"a.txt\", \"b.txt\", \"conf/\"]\n",
      errors: [{ messageId: "relative", line: 5, column: 25, endLine: 5, endColumn: 32 }],
    },
    {
      // ADD lands its files in the same place: replacing it with COPY (add-instead-of-copy's fix)
      // must not bring the finding up only then.
      code: "FROM ubuntu:24.04\nADD README.md ./one\nADD https://example.com/a.tgz /opt/\n",
      errors: [{ messageId: "relative", line: 2, column: 15, endLine: 2, endColumn: 20, data: { keyword: "ADD", dest: "./one" } }],
    },
    {
      code: "FROM node:20\nCOPY --chown=1000 a \\\n  b/\n",
      errors: [{ messageId: "relative", line: 3, column: 3, endLine: 3, endColumn: 5 }],
    },
  ],
});
