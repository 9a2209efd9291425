import rule from "../../../rules/dockerfile/yarn-cache-kept.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM node:20\nRUN yarn install --frozen-lockfile && yarn cache clean\n",
    "FROM node:20\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile\n",
    // Yarn Berry's global cache (the default from Yarn 4) lives in ~/.yarn/berry/cache.
    "FROM node:22\nRUN --mount=type=cache,target=/root/.yarn/berry/cache yarn install --immutable\n",
    "FROM node:22\nRUN yarn install --immutable && rm -rf /root/.yarn/berry\n",
    "FROM node:20\nRUN yarn build && yarn --version\n",
    "FROM node:20 AS build\nRUN yarn install\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n",
  ],
  invalid: [
    {
      code: "FROM node:20\nRUN yarn install --frozen-lockfile\n",
      errors: [{ messageId: "cache", line: 2, column: 10, endLine: 2, endColumn: 17 }],
    },
    {
      code: "FROM node:20\nRUN yarn --production && yarn cache dir\n",
      errors: [{ messageId: "cache", line: 2, column: 5, endLine: 2, endColumn: 9 }],
    },
  ],
});
