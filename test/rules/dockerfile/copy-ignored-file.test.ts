import rule from "../../../rules/dockerfile/copy-ignored-file.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    { code: "FROM node:20\nWORKDIR /app\nCOPY . .\nCOPY src/ src/\n", files: { ".dockerignore": "node_modules\n.git\n" } },
    { code: "FROM node:20\nCOPY *.env /app/\nCOPY $FILE /app/\n", files: { ".dockerignore": "*.env\n" } },
    { code: "FROM node:20\nCOPY --from=build /app/node_modules /app/node_modules\n", files: { ".dockerignore": "node_modules\n" } },
    { code: "FROM node:20\nCOPY .env.example /app/\n", files: { ".dockerignore": ".env*\n!.env.example\n" } },
    "FROM node:20\nCOPY node_modules /app/node_modules\n",
  ],
  invalid: [
    {
      code: "FROM node:20\nWORKDIR /app\nCOPY package.json ./\nCOPY ./dist/ ./dist/\nADD [\"config/secret.json\", \"/etc/app/\"]\n",
      files: { ".dockerignore": "dist\nconfig/secret.json\n" },
      errors: [
        { messageId: "ignored", line: 4, column: 6, endLine: 4, endColumn: 13 },
        { messageId: "ignored", line: 5, column: 6, endLine: 5, endColumn: 26 },
      ],
    },
    {
      // The context comes from Compose: ./api, with its own .dockerignore.
      code: "FROM python:3.12-slim\nCOPY requirements.txt /app/\nCOPY tests /app/tests\n",
      filename: "docker/api.Dockerfile",
      files: {
        "compose.yaml": "services:\n  api:\n    build:\n      context: ./api\n      dockerfile: ../docker/api.Dockerfile\n",
        "api/.dockerignore": "tests/\n",
        "docker/.dockerignore": "requirements.txt\n",
      },
      errors: [{ messageId: "ignored", line: 3, column: 6, endLine: 3, endColumn: 11 }],
    },
    {
      // 50,000 patterns: the match budget (500,000 per file) covers the first ten sources only.
      code: "FROM alpine\n" + Array.from({ length: 12 }, (_, i) => `COPY secret${i % 10} /x/\n`).join(""),
      files: { ".dockerignore": Array.from({ length: 49_999 }, (_, i) => `unused${i}\n`).join("") + "secret*\n" },
      errors: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((line) => ({ messageId: "ignored", line, column: 6, endLine: line, endColumn: 13 })),
    },
  ],
});
