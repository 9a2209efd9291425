import rule from "../../../rules/compose/cpu-limit-missing.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    // inherited from the base it extends, or merged from the override beside it
    "services:\n  base:\n    image: example/app:1\n    cpus: 1\n  worker:\n    extends: base\n    command: [worker]\n  other:\n    extends:\n      service: base\n",
    { code: "services:\n  api:\n    image: example/api:1\n", files: { "compose.override.yaml": "services:\n  api:\n    cpus: 1\n" } },
    // a base in another file: its settings are not known here
    { code: "services:\n  api:\n    extends:\n      file: common.yaml\n      service: base\n" },
    "services:\n  app:\n    image: example/app:1\n    deploy:\n      resources:\n        limits:\n          cpus: '0.5'\n",
    "services:\n  app:\n    image: example/app:1\n    cpus: 0.25\n",
    // a limit set by a variable without a default is unknown, not 0
    "services:\n  app:\n    image: example/app:1\n    cpus: ${CPUS_2}\n",
    // CPU time per period (what `cpus` sets), or a set of cores.
    "services:\n  app:\n    image: example/app:1\n    cpu_quota: 50000\n  worker:\n    image: example/app:1\n    cpuset: \"0,1\"\n",
    // override fragment
    "services:\n  app:\n    ports: [\"8080:80\"]\n",
    // appwrite: a service an override file builds for development is judged in the base file only.
    {
      code: "services:\n  appwrite:\n    image: appwrite-dev\n    build:\n      context: .\n",
      filename: "docker-compose.override.yml",
      files: { "docker-compose.yml": "services:\n  appwrite:\n    image: appwrite/appwrite:1.7\n" },
    },
    "x-limits: &limits\n  deploy:\n    resources:\n      limits: { memory: 1G, cpus: \"1\" }\nservices:\n  app:\n    <<: *limits\n    image: example/app:1\n",
  ],
  invalid: [
    {
      // A limit of 0 is Docker's "no limit".
      code: "services:\n  app:\n    image: example/app:1\n    cpus: 0\n  web:\n    image: example/app:1\n    cpus: \"0.0\"\n",
      errors: [
        { messageId: "missing", line: 2, column: 3, endLine: 2, endColumn: 6, service: "app" },
        { messageId: "missing", line: 5, column: 3, endLine: 5, endColumn: 6, service: "web" },
      ],
    },
    {
      code: "services:\n  app:\n    image: example/app:1\n  worker:\n    image: example/app:1\n    deploy:\n  api:\n    image: example/app:1\n    deploy:\n      resources:\n        reservations:\n          cpus: '0.1'\n  web:\n    image: example/app:1\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n",
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
