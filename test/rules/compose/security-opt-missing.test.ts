import rule from "../../../rules/compose/security-opt-missing.js";
import { ruleTester } from "../../helpers/rule-tester.js";
import { WINDOWS_SERVICES } from "../../helpers/windows-services.js";

ruleTester(rule, {
  valid: [
    // Windows containers: Docker ignores or refuses this Linux-only setting there.
    WINDOWS_SERVICES,
    // inherited from the base it extends, or merged from the override beside it
    "services:\n  base:\n    image: example/app:1\n    security_opt: [\"no-new-privileges:true\"]\n  worker:\n    extends: base\n    command: [worker]\n  other:\n    extends:\n      service: base\n",
    { code: "services:\n  api:\n    image: example/api:1\n", files: { "compose.override.yaml": "services:\n  api:\n    security_opt: [\"no-new-privileges:true\"]\n" } },
    // a base in another file: its settings are not known here
    { code: "services:\n  api:\n    extends:\n      file: common.yaml\n      service: base\n" },
    "services:\n  app:\n    image: example/app:1\n    security_opt:\n      - no-new-privileges:true\n",
    "services:\n  app:\n    ports: [\"8080:80\"]\n",
  ],
  invalid: [
    {
      code: "services:\n  webapp:\n    build:\n      context: ./\n",
      errors: [{ messageId: "missing", line: 2, column: 3, endLine: 2, endColumn: 9, service: "webapp" }],
    },
  ],
});
