import rule from "../../../rules/compose/project-name-missing.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    // a file that another one includes (short and long syntax) is part of that project
    { code: "services:\n  db:\n    image: postgres:16\n", filename: "db/compose.yaml", files: { "compose.yaml": "name: shop\ninclude:\n  - db/compose.yaml\nservices:\n  web:\n    image: nginx:1.27\n" } },
    { code: "services:\n  db:\n    image: postgres:16\n", filename: "infra/db.compose.yaml", files: { "compose.yaml": "name: shop\ninclude:\n  - path: [./infra/db.compose.yaml]\nservices:\n  web:\n    image: nginx:1.27\n" } },
    "name: shop\nservices:\n  web:\n    image: nginx:1.27\n",
    // Override fragments take the name of the file they are merged into.
    { code: "services:\n  web:\n    ports: [\"8080:80\"]\n", filename: "compose.override.yaml" },
    // mailcow: an override file with full services still takes its project name from the base file.
    { code: "services:\n  web:\n    build: ./web\n", filename: "helper-scripts/BUILD_FLAGS/docker-compose.override.yml" },
    // Another Compose file of the same directory names the project.
    { code: "services:\n  web:\n    image: nginx:1.27\n", filename: "compose.prod.yaml", files: { "compose.yaml": "name: shop\nservices:\n  web:\n    image: nginx:1.27\n" } },
    // A fragment service (no image, build or extends) cannot run alone: the file is merged with `-f`.
    { code: "services:\n  web:\n    labels: [traefik.enable=true]\n  proxy:\n    image: traefik:v3.1\n", filename: "overrides/compose.proxy.yaml" },
    // Files without services (include-only) and unparseable files.
    "include:\n  - other.yaml\n",
    "services:\n  web: [\n",
  ],
  invalid: [
    {
      // included by nothing: the compose.yaml beside the other directory names only its own project
      code: "services:\n  db:\n    image: postgres:16\n",
      filename: "db/compose.yaml",
      files: { "compose.yaml": "name: shop\ninclude:\n  - other/compose.yaml\nservices:\n  web:\n    image: nginx:1.27\n" },
      errors: [{ messageId: "missing", line: 0, column: 0, endLine: 0, endColumn: 0 }],
    },
    {
      code: "services:\n  web:\n    image: nginx:1.27\n",
      errors: [{ messageId: "missing", line: 0, column: 0, endLine: 0, endColumn: 0 }],
    },
  ],
});
