import rule from "../../../rules/dockerfile/npm-version-unpinned.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM node:20\nRUN npm install\n",
    "FROM node:20\nRUN npm ci --omit=dev\n",
    "FROM node:20\nRUN npm install -g serve@14.2.3 @angular/cli@17.3.0 sax@latest\n",
    "FROM node:20\nRUN npm install ./packages/shared ../lib.tgz git+ssh://git@github.com:npm/cli#semver:^5.0\n",
    "FROM node:20\nRUN npm run build\n",
  ],
  invalid: [
    {
      code: "FROM node:20\nRUN npm install -g serve\n",
      errors: [{ messageId: "unpinned", line: 2, column: 20, endLine: 2, endColumn: 25 }],
    },
    {
      code: "FROM node:20\nRUN npm i -g @angular/cli && npm install sax | grep fail\n",
      errors: [
        { messageId: "unpinned", line: 2, column: 14, endLine: 2, endColumn: 26 },
        { messageId: "unpinned", line: 2, column: 42, endLine: 2, endColumn: 45 },
      ],
    },
    {
      code: "FROM node:20\nRUN [\"npm\",\"add\",\"sax\"]\n",
      errors: [{ messageId: "unpinned", line: 2, column: 18, endLine: 2, endColumn: 23 }],
    },
  ],
});
