import rule from "../../../rules/dockerfile/dev-deps-in-prod.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n",
    "FROM node:20\nRUN npm ci --omit=dev\n",
    "FROM node:20\nENV NODE_ENV=production\nRUN npm ci && yarn install\n",
    // NODE_ENV through an ARG: its default, the global one redeclared, or a value only the build knows
    "FROM node:20\nARG NODE_ENV=production\nENV NODE_ENV=$NODE_ENV\nRUN npm ci\n",
    "ARG NODE_ENV=production\nFROM node:20\nARG NODE_ENV\nENV NODE_ENV=${NODE_ENV}\nRUN npm ci\n",
    "FROM node:20\nARG NODE_ENV\nENV NODE_ENV=$NODE_ENV\nRUN npm ci\n",
    "FROM node:20\nRUN npm ci && npm run build && npm prune --omit=dev\n",
    "FROM node:20\nRUN npm install --production && npm install -g serve@14.2.3\n",
    "FROM python:3.9-slim\nRUN poetry install --only=main --no-root && uv sync --frozen --no-dev\n",
    // the same exclusions through the environment or another spelling
    "FROM node:22\nENV NPM_CONFIG_OMIT=dev\nRUN npm ci\n",
    "FROM node:22\nENV npm_config_omit=\"dev optional\"\nRUN npm install\n",
    "FROM python:3.12\nENV UV_NO_DEV=1\nRUN uv sync --frozen\n",
    "FROM python:3.12\nRUN uv sync --frozen --no-group dev && uv sync --locked --no-group=dev\n",
    "FROM oven/bun:1.1\nRUN bun install -p --frozen-lockfile\n",
    // builder and development stages may install everything
    "FROM node:20 AS build\nRUN npm ci && npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n",
    "FROM python:3.12 AS dev\nRUN pip install -r requirements-dev.txt pytest==8.2.0\n",
    // requirements.txt with no production variant beside it
    { code: "FROM python:3.12\nCOPY . .\nRUN pip install -r requirements.txt\n", tree: ["Dockerfile", "requirements.txt"] },
  ],
  invalid: [
    {
      // An unnamed final stage built FROM a stage is named by its FROM, not by the stage it starts from
      code: "FROM node:20 AS base\nWORKDIR /app\nFROM base\nRUN npm ci\n",
      errors: [{ messageId: "node", data: { command: "npm ci", stage: "FROM base", flag: "--omit=dev" }, line: 4, column: 9, endLine: 4, endColumn: 11 }],
    },
    {
      // Yarn 2+ has no --production for install: the message names both generations
      code: "FROM node:20\nRUN yarn install --frozen-lockfile\n",
      errors: [{ messageId: "yarn", data: { command: "yarn install", stage: "node:20" }, line: 2, column: 10, endLine: 2, endColumn: 17 }],
    },
    {
      // omitting only optional dependencies keeps devDependencies; bun's flag is --production
      code: "FROM oven/bun:1.1\nENV NPM_CONFIG_OMIT=optional\nRUN npm ci && bun install --frozen-lockfile\n",
      errors: [
        { messageId: "node", data: { command: "npm ci", stage: "oven/bun:1.1", flag: "--omit=dev" }, line: 3, column: 9, endLine: 3, endColumn: 11 },
        { messageId: "node", data: { command: "bun install", stage: "oven/bun:1.1", flag: "--production" }, line: 3, column: 19, endLine: 3, endColumn: 26 },
      ],
    },
    {
      // another group excluded, not dev
      code: "FROM python:3.12\nENV UV_NO_DEV=0\nRUN uv sync --no-group docs\n",
      errors: [{ messageId: "uv", data: { stage: "python:3.12" }, line: 3, column: 8, endLine: 3, endColumn: 12 }],
    },
    {
      // the ARG's default is not production, and the ENV passes it on
      code: "FROM node:20\nARG NODE_ENV=development\nENV NODE_ENV=${NODE_ENV}\nRUN npm ci\n",
      errors: [{ messageId: "node", line: 4, column: 9, endLine: 4, endColumn: 11 }],
    },
    {
      code: "FROM python:3.12\nCOPY requirements-dev.txt .\nRUN pip install -r requirements-dev.txt\n",
      errors: [{ messageId: "devFile", line: 3, column: 20, endLine: 3, endColumn: 40 }],
    },
    {
      // requirements.prod.txt exists beside requirements.txt in the repository
      code: "FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n",
      tree: ["Dockerfile", "requirements.txt", "requirements.prod.txt"],
      errors: [{ messageId: "fullFile", line: 3, column: 20, endLine: 3, endColumn: 36 }],
    },
    {
      code: "FROM node:20\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD [\"node\", \"server.js\"]\n",
      errors: [{ messageId: "node", line: 3, column: 9, endLine: 3, endColumn: 11 }],
    },
    {
      code: "FROM python:3.11-slim AS base\nRUN poetry install --no-interaction\nFROM base AS production\nRUN pipenv install --dev && pip install pytest==8.2.0\n",
      errors: [
        { messageId: "poetry", line: 2, column: 12, endLine: 2, endColumn: 19 },
        { messageId: "pipenvDev", line: 4, column: 20, endLine: 4, endColumn: 25 },
        { messageId: "devTool", line: 4, column: 41, endLine: 4, endColumn: 54 },
      ],
    },
  ],
});
