import rule from "../../../rules/compose/pids-limit-missing.js";
import { ruleTester } from "../../helpers/rule-tester.js";
import { WINDOWS_SERVICES } from "../../helpers/windows-services.js";

ruleTester(rule, {
  valid: [
    // Windows containers: Docker ignores or refuses this Linux-only setting there.
    WINDOWS_SERVICES,
    // inherited from the base it extends, or merged from the override beside it
    "services:\n  base:\n    image: example/app:1\n    pids_limit: 200\n  worker:\n    extends: base\n    command: [worker]\n  other:\n    extends:\n      service: base\n",
    { code: "services:\n  api:\n    image: example/api:1\n", files: { "compose.override.yaml": "services:\n  api:\n    pids_limit: 200\n" } },
    // a base in another file: its settings are not known here
    { code: "services:\n  api:\n    extends:\n      file: common.yaml\n      service: base\n" },
    "services:\n  app:\n    image: example/app:1\n    pids_limit: 200\n",
    "services:\n  app:\n    image: example/app:1\n    deploy:\n      resources:\n        limits:\n          pids: 100\n",
    "services:\n  app:\n    environment:\n      A: b\n",
    // A limit set by a variable without a default (or a required one) is unknown, not 0.
    "services:\n  a:\n    image: example/app:1\n    pids_limit: ${PIDS}\n  b:\n    image: example/app:1\n    pids_limit: ${PIDS:?set it}\n  c:\n    image: example/app:1\n    deploy:\n      resources:\n        limits:\n          pids: ${PIDS:-}\n",
  ],
  invalid: [
    {
      code: "services:\n  auth:\n    build: .\n    mem_limit: 500M\n  web:\n    image: example/web:1\n    pids_limit: -1\n  job:\n    image: example/job:1\n    deploy:\n      resources:\n        limits:\n          pids: 0\n",
      errors: [
        { messageId: "missing", line: 2, column: 3, endLine: 2, endColumn: 7, service: "auth" },
        { messageId: "unlimited", line: 7, column: 17, endLine: 7, endColumn: 19, service: "web" },
        // The message names the key that is set.
        { messageId: "unlimited", line: 13, column: 17, endLine: 13, endColumn: 18, service: "job", data: { service: "job", key: "deploy.resources.limits.pids", value: "0" } },
      ],
    },
    {
      // `deploy.resources.limits` exists: a service-level pids_limit beside it would make Compose refuse the file.
      code: "services:\n  api:\n    image: example/api:1\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n",
      errors: [{ messageId: "missingDeploy", line: 2, column: 3, endLine: 2, endColumn: 6, service: "api" }],
    },
  ],
});

// The kernel's pids controller counts tasks, threads included: a limit sized for processes
// ("a few hundred") stops a JVM or Elasticsearch from creating its thread pools.
test("the advice sizes the limit by threads, not processes", () => {
  for (const id of ["missing", "missingDeploy"]) {
    const message = rule.meta.messages[id];
    expect(message).toMatch(/threads/);
    expect(message).not.toMatch(/few hundred/);
  }
});
