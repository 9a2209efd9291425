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
    // Installed into a bind mount, whose writes are discarded: the cache is all the RUN keeps, so it is the point.
    "FROM node:20\nRUN --mount=type=bind,source=web,target=/tmp/web,rw cd /tmp/web/ && yarn install\n",
    "FROM node:20\nRUN --mount=type=bind,from=src,source=/repo,target=/src,readwrite \\\n    cd /src/app && (if [ -f yarn.lock ]; then yarn install; fi)\n",
  ],
  invalid: [
    {
      // The bind mount is elsewhere: node_modules land in /app, in the layer, with the cache.
      code: "FROM node:20\nWORKDIR /app\nRUN --mount=type=bind,source=yarn.lock,target=/app/yarn.lock cd /app && yarn install\n",
      errors: [{ messageId: "cache", line: 3, column: 78, endLine: 3, endColumn: 85 }],
    },
    {
      // The last cd before the install decides: this install runs in /app, out of the mount.
      code: "FROM node:20\nRUN --mount=type=bind,source=web,target=/tmp/web,rw cd /tmp/web && yarn install && cd /app && yarn install\n",
      errors: [{ messageId: "cache", line: 2, column: 100, endLine: 2, endColumn: 107 }],
    },
    {
      // no fix: without the file tree, a Yarn 2+ project (whose Plug'n'Play runs from the cache) cannot be ruled out
      code: "FROM node:20\nRUN yarn install --frozen-lockfile\n",
      errors: [{ messageId: "cache", line: 2, column: 10, endLine: 2, endColumn: 17 }],
    },
    {
      code: "FROM node:20\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\n",
      tree: ["Dockerfile", "package.json", "yarn.lock"],
      errors: [{ messageId: "cache", line: 4, column: 10, endLine: 4, endColumn: 17 }],
      output: "FROM node:20\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn cache clean\n",
    },
    {
      code: "FROM node:20\nRUN yarn --production && yarn cache dir\n",
      tree: ["Dockerfile", "package.json"],
      errors: [{ messageId: "cache", line: 2, column: 5, endLine: 2, endColumn: 9 }],
      output: "FROM node:20\nRUN yarn --production && yarn cache dir && yarn cache clean\n",
    },
    {
      // no fix: the project copied from web/ uses Yarn 2+ (.yarnrc.yml)
      code: "FROM node:20\nCOPY web/package.json web/yarn.lock ./\nRUN yarn install\n",
      tree: ["Dockerfile", "web/package.json", "web/yarn.lock", "web/.yarnrc.yml"],
      errors: [{ messageId: "cache", line: 3, column: 10, endLine: 3, endColumn: 17 }],
    },
    {
      // no fix: a later RUN installs from the cache alone
      code: "FROM node:20\nRUN yarn install\nRUN yarn install --offline --production\n",
      tree: ["Dockerfile", "package.json"],
      errors: [
        { messageId: "cache", line: 2, column: 10, endLine: 2, endColumn: 17 },
        { messageId: "cache", line: 3, column: 10, endLine: 3, endColumn: 17 },
      ],
      output: "FROM node:20\nRUN yarn install\nRUN yarn install --offline --production && yarn cache clean\n",
    },
    {
      // no fix: Corepack may run a Yarn 2+ that the package.json names
      code: "FROM node:20\nRUN corepack enable\nRUN yarn install\n",
      tree: ["Dockerfile", "package.json"],
      errors: [{ messageId: "cache", line: 3, column: 10, endLine: 3, endColumn: 17 }],
    },
    {
      // no fix: a base image other than node's may bring another Yarn
      code: "FROM example/node-yarn:4\nRUN yarn install\n",
      tree: ["Dockerfile", "package.json"],
      errors: [{ messageId: "cache", line: 2, column: 10, endLine: 2, endColumn: 17 }],
    },
  ],
});
