import rule from "../../../rules/compose/build-path-missing.js";
import { ruleTester } from "../../helpers/rule-tester.js";

const tree = ["compose.yaml", "api/Dockerfile.prod", "api/main.py", "web/dockerfile", "web/index.html", "Dockerfile"];

ruleTester(rule, {
  valid: [
    { code: "services:\n  api:\n    build:\n      context: ./api\n      dockerfile: Dockerfile.prod\n  web:\n    build: web\n  root:\n    build: .\n", tree },
    // Without a tree, or with part of one, nothing is known to be missing.
    "services:\n  api:\n    build: ./nowhere\n",
    // Variables, remote contexts, inline Dockerfiles, absolute Dockerfile paths and contexts outside the repository are not judged.
    { code: "services:\n  a:\n    build: ${CONTEXT:-./a}\n  b:\n    build: https://github.com/acme/b.git#main\n  c:\n    build:\n      context: ./c\n      dockerfile_inline: \"FROM alpine\"\n  d:\n    build:\n      context: api\n      dockerfile: /srv/Dockerfile\n  e:\n    build: ../sibling-repo\n", tree },
    // An override file's paths belong to the directory of the file it is merged into.
    { code: "services:\n  api:\n    build: ./data/api\n", filename: "deploy/compose.override.yaml", tree: ["deploy/compose.override.yaml"] },
  ],
  invalid: [
    {
      code: "services:\n  api:\n    build:\n      context: ./api\n      dockerfile: Dockerfile.production\n  worker:\n    build: ./workers\n  web:\n    build:\n      context: ./api\n",
      tree,
      errors: [
        { messageId: "dockerfile", line: 5, column: 19, endLine: 5, endColumn: 40, service: "api", data: { who: "Service `api` builds", path: "api/Dockerfile.production", context: "api" } },
        { messageId: "context", line: 7, column: 12, endLine: 7, endColumn: 21, service: "worker", data: { who: "Service `worker` builds", path: "workers" } },
        { messageId: "dockerfile", line: 10, column: 16, endLine: 10, endColumn: 21, service: "web", data: { who: "Service `web` builds", path: "api/Dockerfile", context: "api" } },
      ],
    },
    {
      // One finding per missing path, naming the services that build from it.
      code: "services:\n  a:\n    build: ./gone\n  b:\n    build: ./gone\n  c:\n    build: ./gone\n  d:\n    build: ./gone\n",
      tree,
      errors: [{ messageId: "context", line: 3, column: 12, endLine: 3, endColumn: 18, service: "a", data: { who: "Services `a`, `b`, `c` and 1 more build", path: "gone" } }],
    },
    {
      // Written once in an anchor: reported once, where it is written.
      code: "x-build: &build\n  context: ./svc\nservices:\n  a:\n    build: *build\n  b:\n    build: *build\n",
      tree,
      errors: [{ messageId: "context", line: 2, column: 12, endLine: 2, endColumn: 17, service: "a" }],
    },
  ],
});
