import rule from "../../../rules/compose/memory-limit-missing.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    // inherited from the base it extends, or merged from the override beside it
    "services:\n  base:\n    image: example/app:1\n    mem_limit: 512m\n  worker:\n    extends: base\n    command: [worker]\n  other:\n    extends:\n      service: base\n",
    { code: "services:\n  api:\n    image: example/api:1\n", files: { "compose.override.yaml": "services:\n  api:\n    mem_limit: 512m\n" } },
    // a base in another file: its settings are not known here
    { code: "services:\n  api:\n    extends:\n      file: common.yaml\n      service: base\n" },
    "services:\n  app:\n    image: example/app:1\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n",
    "services:\n  app:\n    image: example/app:1\n    mem_limit: 512m\n",
    // override fragment
    "services:\n  app:\n    ports: [\"8080:80\"]\n",
    "x-limits: &limits\n  deploy:\n    resources:\n      limits: { memory: 1G, cpus: \"1\" }\nservices:\n  app:\n    <<: *limits\n    image: example/app:1\n",
  ],
  invalid: [
    {
      // A limit of 0 is Docker's "no limit".
      code: "services:\n  app:\n    image: example/app:1\n    mem_limit: 0\n  web:\n    image: example/app:1\n    mem_limit: 0m\n",
      errors: [
        { messageId: "missing", line: 2, column: 3, endLine: 2, endColumn: 6, service: "app" },
        { messageId: "missing", line: 5, column: 3, endLine: 5, endColumn: 6, service: "web" },
      ],
    },
    {
      code: "services:\n  app:\n    image: example/app:1\n  worker:\n    image: example/app:1\n    deploy:\n  api:\n    image: example/app:1\n    deploy:\n      resources:\n        reservations:\n          memory: 128M\n  web:\n    image: example/app:1\n    deploy:\n      resources:\n        limits:\n          cpus: \"0.3\"\n",
      errors: [
        { messageId: "missing", line: 2, column: 3, endLine: 2, endColumn: 6, service: "app" },
        { messageId: "missing", line: 6, column: 5, endLine: 6, endColumn: 11, service: "worker" },
        { messageId: "missing", line: 10, column: 7, endLine: 10, endColumn: 16, service: "api" },
        // `deploy.resources.limits` exists: only the key under it can be added without breaking the file.
        { messageId: "missingDeploy", line: 17, column: 9, endLine: 17, endColumn: 15, service: "web" },
      ],
    },
  ],
});
