import rule from "../../../rules/dockerfile/copy-all-before-deps.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n",
    "FROM python:3.12\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nRUN pip install --no-deps .\n",
    // manifest installed in one stage, source copied in another (analyticbot infra/docker/Dockerfile)
    "FROM python:3.11-slim AS base\nCOPY requirements.prod.txt ./\nRUN pip install -r requirements.prod.txt\nFROM python:3.11-slim AS final\nCOPY --from=base /opt/venv /opt/venv\nCOPY . .\n",
    "FROM node:20\nCOPY prisma ./prisma/\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n",
    "FROM node:20\nCOPY . .\nRUN npm install -g serve@14.2.3\n",
    "FROM node:20\nCOPY . .\nRUN --mount=type=cache,target=/root/.npm npm ci\n",
    "FROM golang:1.22\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n",
    "FROM node:20 AS build\nCOPY . .\nFROM node:20\nCOPY --from=build /app/package.json ./\nRUN npm ci --omit=dev\n",
  ],
  invalid: [
    {
      code: "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n",
      errors: [{ messageId: "order", line: 3, column: 6, endLine: 3, endColumn: 7 }],
    },
    {
      code: "FROM golang:1.22 AS build\nCOPY ./ /src\nRUN go mod download\n",
      errors: [{ messageId: "order", line: 2, column: 6, endLine: 2, endColumn: 8 }],
    },
    {
      // source directories copied before the install (vrecommendation ai_server)
      code: "FROM python:3.9-slim\nRUN pip install poetry\nCOPY pyproject.toml ./\nCOPY src/ ./src/\nCOPY config ./config\nRUN poetry install --only=main\n",
      errors: [{ messageId: "order", line: 4, column: 6, endLine: 4, endColumn: 10 }],
    },
    {
      // the copy sits in a base stage, the install in stages built on it: reported once
      code: "FROM python:3.12 AS base\nCOPY . /app\nFROM base AS a\nRUN pip install -r /app/requirements.txt\nFROM base AS b\nRUN pip install -r /app/requirements.txt\n",
      errors: [{ messageId: "order", line: 2, column: 6, endLine: 2, endColumn: 7 }],
    },
    {
      code: "FROM node:20\nCOPY [\"./\", \"/app/\"]\nRUN yarn\n",
      errors: [{ messageId: "order", line: 2, column: 7, endLine: 2, endColumn: 11 }],
    },
  ],
});
