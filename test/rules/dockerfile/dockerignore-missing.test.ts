import rule from "../../../rules/dockerfile/dockerignore-missing.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    { code: "FROM node:20\nCOPY . .\n", files: { ".dockerignore": "node_modules\n.git\n" } },
    // the tree is unknown: nothing can be said
    "FROM node:20\nCOPY . .\n",
    { code: "FROM node:20\nCOPY package.json ./\nCOPY src/ ./src/\n", tree: ["Dockerfile", "package.json"] },
    { code: "FROM node:20\nCOPY --from=build . .\n", tree: ["Dockerfile"] },
    // built by Compose from the repository root, which has a .dockerignore
    {
      code: "FROM python:3.11-slim\nCOPY . .\n",
      filename: "infra/docker/Dockerfile",
      files: { "docker-compose.yml": "services:\n  api:\n    build:\n      context: .\n      dockerfile: infra/docker/Dockerfile\n", ".dockerignore": ".git\n" },
      tree: ["docker-compose.yml", ".dockerignore", "infra/docker/Dockerfile"],
    },
    // not built by Compose, but a sibling Dockerfile is, from the root
    {
      code: "FROM python:3.11-slim\nCOPY . /app/\n",
      filename: "infra/docker/Dockerfile.dev",
      files: { "docker-compose.yml": "services:\n  api:\n    build:\n      context: .\n      dockerfile: infra/docker/Dockerfile\n", ".dockerignore": ".git\n", "infra/docker/Dockerfile": "FROM python:3.11-slim\n" },
      tree: ["docker-compose.yml", ".dockerignore", "infra/docker/Dockerfile", "infra/docker/Dockerfile.dev"],
    },
    // no sign of the context: the nearest folder above with a .dockerignore
    { code: "FROM rust:1.80\nCOPY ./build.rs ./\nCOPY . .\n", filename: "docker/Dockerfile.alpine", files: { ".dockerignore": "target\n" }, tree: [".dockerignore", "docker/Dockerfile.alpine"] },
    // ONBUILD copies the downstream build's context
    { code: "FROM node:0.10\nONBUILD COPY . /usr/src/app\n", tree: ["Dockerfile"] },
    // BuildKit's per-Dockerfile ignore file
    { code: "FROM node:20\nCOPY . .\n", tree: ["Dockerfile", "Dockerfile.dockerignore"] },
  ],
  invalid: [
    {
      // the copied files exist beside the Dockerfile: that folder is the context, the root's ignore file does not apply
      code: "FROM nginx:1.27\nCOPY nginx.conf /etc/nginx/nginx.conf\nCOPY . /usr/share/nginx/html\n",
      filename: "apps/frontend/Dockerfile",
      files: { ".dockerignore": ".git\n" },
      tree: [".dockerignore", "apps/frontend/Dockerfile", "apps/frontend/nginx.conf"],
      errors: [{ messageId: "missing", line: 3, column: 6, endLine: 3, endColumn: 7 }],
    },
    {
      code: "FROM node:20\nWORKDIR /app\nCOPY . .\n",
      tree: ["Dockerfile", "package.json"],
      errors: [{ messageId: "missing", line: 3, column: 6, endLine: 3, endColumn: 7 }],
    },
    {
      // Compose builds it from backend/api_server, which has no .dockerignore (the root's does not apply)
      code: "FROM golang:1.24 AS builder\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\n",
      filename: "backend/api_server/Dockerfile",
      files: { "docker-compose.yml": "services:\n  api:\n    build:\n      context: ./backend/api_server\n", ".dockerignore": ".git\n" },
      tree: ["docker-compose.yml", ".dockerignore", "backend/api_server/Dockerfile", "backend/api_server/go.mod"],
      errors: [{ messageId: "missing", line: 4, column: 6, endLine: 4, endColumn: 7 }],
    },
  ],
});
