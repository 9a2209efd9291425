import rule from "../../../rules/dockerfile/secret-file-copied.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "FROM node:20\nCOPY .env.example package.json cert.pem /app/\n",
    "FROM node:20\nCOPY . /app\nCOPY .npmrc /app/\n",
    "FROM node:20 AS build\nCOPY .env /src/.env\nFROM node:20\nCOPY --from=build /src/dist /app\n",
    "FROM node:20\nCOPY id_rsa.pub /root/.ssh/authorized_keys\n",
    "FROM alpine:3.20\nCOPY <<EOF /app/.env\nPORT=80\nEOF\n",
    "FROM debian:12\nADD nodesource-repo.gpg.key /usr/share/keyrings/nodesource.asc\nCOPY nginx_public_keys.key release.key.asc /tmp/\n",
  ],
  invalid: [
    {
      code: "FROM python:3.12\nCOPY .env /app/.env\nCOPY id_rsa /root/.ssh/id_rsa\n",
      errors: [
        { messageId: "copied", line: 2, column: 6, endLine: 2, endColumn: 10 },
        { messageId: "copied", line: 3, column: 6, endLine: 3, endColumn: 12 },
      ],
    },
    {
      code: "FROM nginx:1.27 AS base\nCOPY certs/privkey.pem config/.aws/credentials /etc/x/\nFROM base\nADD [\"server.key\", \"/k\"]\n",
      errors: [
        { messageId: "copied", line: 2, column: 6, endLine: 2, endColumn: 23 },
        { messageId: "copied", line: 2, column: 24, endLine: 2, endColumn: 47 },
        { messageId: "copied", line: 4, column: 6, endLine: 4, endColumn: 18 },
      ],
    },
    {
      // A heredoc source beside files: the files are still copied from the build context.
      code: "FROM alpine:3.20\nCOPY <<EOF .env /app/\nPORT=80\nEOF\n",
      errors: [{ messageId: "copied", line: 2, column: 12, endLine: 2, endColumn: 16 }],
    },
  ],
});
