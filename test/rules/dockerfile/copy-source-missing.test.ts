import rule from "../../../rules/dockerfile/copy-source-missing.js";
import { ruleTester } from "../../helpers/rule-tester.js";

const compose = "services:\n  api:\n    build:\n      context: ./api\n      dockerfile: ../docker/app.Dockerfile\n  worker:\n    build:\n      context: ./worker\n      dockerfile: ../docker/app.Dockerfile\n";

ruleTester(rule, {
  valid: [
    // A file and a directory of the context, written every way a path can be.
    { code: "FROM python:3.12\nCOPY app.py ./\nCOPY ./src/ /app/src/\nCOPY /app.py \"app.py\" /app/\nCOPY [\"docs/read me.md\", \"/app/\"]\nCOPY --chmod=755 src /app/src\n", tree: ["Dockerfile", "app.py", "src/pkg/__init__.py", "docs/read me.md"] },
    // Not from the build context, or not a literal path.
    {
      code: "FROM node:20 AS build\nFROM node:20\nCOPY --from=build /out /app\nCOPY $FILE ${DIR}/x /app/\nCOPY *.json ./\nCOPY conf/[ab].yml /etc/\nADD https://example.com/a.txt /a.txt\nADD git@github.com:acme/tool.git /src\nCOPY <<EOF /etc/motd\nhello\nEOF\nCOPY ../shared/lib.js ./\nCOPY . .\nCOPY C:/app ./\nCOPY app.py ./\n",
      tree: ["Dockerfile", "app.py"],
    },
    // Output of a build step before `docker build`, and files Git is not meant to hold.
    { code: "FROM eclipse-temurin:21\nCOPY target/app.jar /app.jar\nCOPY build/libs/api.jar /api.jar\nCOPY dist/ /usr/share/nginx/html/\nCOPY node_modules ./node_modules\nCOPY .git .git\nCOPY .env .env.production ./\nCOPY certs/server.pem /certs/\nCOPY .npmrc ./\nCOPY README.md /app/\n", tree: ["Dockerfile", "README.md"] },
    // Without a file tree nothing is known to be missing.
    "FROM python:3.12\nCOPY app.py ./\n",
    // A Dockerfile in a subfolder, built from the repository root (`docker build -f docker/Dockerfile .`).
    { code: "FROM python:3.12\nCOPY requirements.txt ./\n", filename: "docker/Dockerfile", tree: ["docker/Dockerfile", "requirements.txt"] },
    // No Compose service builds it and none of its sources is in the tree: its context is elsewhere.
    { code: "FROM python:3.12\nCOPY requirements.txt ./\nCOPY app.py ./\n", filename: "deploy/Dockerfile", tree: ["deploy/Dockerfile", "README.md"] },
    // A Compose context the repository lacks is build-path-missing's finding, not one per source.
    { code: "FROM python:3.12\nCOPY app.py ./\nCOPY main.py ./\n", filename: "docker/app.Dockerfile", files: { "compose.yaml": compose }, tree: ["compose.yaml", "docker/app.Dockerfile", "api/app.py"] },
    // Built by Compose from two contexts: present in one of them is enough.
    { code: "FROM python:3.12\nCOPY app.py ./\n", filename: "docker/app.Dockerfile", files: { "compose.yaml": compose }, tree: ["compose.yaml", "docker/app.Dockerfile", "worker/app.py"] },
    // GoReleaser builds the image from a folder of built binaries.
    { code: "FROM alpine:3.20\nCOPY LICENSE /usr/share/doc/\nCOPY mytool /usr/bin/mytool\n", tree: ["Dockerfile", ".goreleaser.yaml", "LICENSE", "main.go"] },
    // A Windows stage: paths are not judged.
    { code: "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app.py /app/\nCOPY app /app\n", tree: ["Dockerfile", "app.py"] },
    // A submodule's contents are not in the tree.
    { code: "FROM alpine:3.20\nCOPY third_party/README.md /opt/\nCOPY third_party/tool /opt/tool\n", tree: ["Dockerfile", ".gitmodules", "third_party/README.md"] },
    // A folder that is a symbolic link: the tree cannot see through it.
    { code: "FROM alpine:3.20\nCOPY app.py /app/\nCOPY shared/config.yml /etc/app/\n", tree: ["Dockerfile", "app.py", "shared"] },
    // ONBUILD copies from the context of the image built FROM this one.
    { code: "FROM python:3.12\nCOPY app.py /app/\nONBUILD COPY requirements.txt /app/\n", tree: ["Dockerfile", "app.py"] },
  ],
  invalid: [
    {
      code: "FROM python:3.12\nCOPY requirements.txt ./\nCOPY ./src/ /app/src/\nCOPY /main.py ./\nCOPY [\"config/app settings.json\", \"/etc/app/\"]\nADD 'setup.cfg' ./\n",
      tree: ["Dockerfile", "requirements.txt", "src/pkg/__init__.py"],
      errors: [
        { messageId: "missing", line: 4, column: 6, endLine: 4, endColumn: 14, data: { source: "/main.py", context: ".", keyword: "COPY" } },
        { messageId: "missing", line: 5, column: 7, endLine: 5, endColumn: 33 },
        { messageId: "missing", line: 6, column: 5, endLine: 6, endColumn: 16, data: { source: "setup.cfg", context: ".", keyword: "ADD" } },
      ],
    },
    {
      // Built by Compose from ./api and ./worker: missing from both.
      code: "FROM python:3.12\nCOPY app.py ./\nCOPY main.py ./\n",
      filename: "docker/app.Dockerfile",
      files: { "compose.yaml": compose },
      tree: ["compose.yaml", "docker/app.Dockerfile", "api/app.py", "worker/app.py"],
      errors: [{ messageId: "missingEverywhere", line: 3, column: 6, endLine: 3, endColumn: 13, data: { source: "main.py", contexts: "`api`, `worker`", keyword: "COPY" } }],
    },
    {
      // No Compose service builds it: missing from its folder and from every folder above.
      code: "FROM node:20\nCOPY package.json ./\nCOPY server/index.js ./server/\n",
      filename: "deploy/docker/Dockerfile",
      tree: ["deploy/docker/Dockerfile", "package.json", "server/main.js"],
      errors: [{ messageId: "missingEverywhere", line: 3, column: 6, endLine: 3, endColumn: 21, data: { source: "server/index.js", contexts: "`deploy/docker`, `deploy`, `.`", keyword: "COPY" } }],
    },
  ],
});
