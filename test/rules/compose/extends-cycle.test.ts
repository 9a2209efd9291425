import rule from "../../../rules/compose/extends-cycle.js";
import { ruleTester } from "../../helpers/rule-tester.js";

const crossBase = "services:\n  worker:\n    extends:\n      file: ../compose.yaml\n      service: api\n";

ruleTester(rule, {
  valid: [
    // A chain of bases, and two services extending one base, are no cycle.
    "services:\n  base:\n    image: app:1\n  api:\n    extends: base\n  worker:\n    extends:\n      service: api\n  beat:\n    extends: api\n",
    // A base in a file the run does not hold is not followed; a missing base is undefined-reference's.
    "services:\n  api:\n    extends:\n      file: base.yaml\n      service: api\n  worker:\n    extends: nothing\n",
    // The same name in another file is another service.
    { code: "services:\n  api:\n    extends:\n      file: compose.base.yaml\n      service: api\n", files: { "compose.base.yaml": "services:\n  api:\n    image: app:1\n" } },
    // A cycle across files is reported once, in the file whose path sorts first.
    { code: "services:\n  api:\n    extends:\n      file: compose.base.yaml\n      service: worker\n", files: { "compose.base.yaml": "services:\n  worker:\n    extends:\n      file: compose.yaml\n      service: api\n" } },
  ],
  invalid: [
    {
      code: "services:\n  api:\n    image: app:1\n    extends: worker\n  worker:\n    extends:\n      service: api\n",
      errors: [{ messageId: "cycle", line: 4, column: 5, endLine: 4, endColumn: 12, service: "api", data: { service: "api", base: "worker", cycle: "`api` → `worker` → `api`" } }],
    },
    {
      // A service that extends itself; a cycle that a service leads into is reported on its members only, once.
      code: "services:\n  solo:\n    extends: solo\n  entry:\n    extends: left\n  left:\n    extends: right\n  right:\n    extends:\n      service: left\n      file: compose.yaml\n",
      errors: [
        { messageId: "cycle", line: 3, column: 5, endLine: 3, endColumn: 12, service: "solo", data: { service: "solo", base: "solo", cycle: "`solo` → `solo`" } },
        { messageId: "cycle", line: 7, column: 5, endLine: 7, endColumn: 12, service: "left", data: { service: "left", base: "right", cycle: "`left` → `right` → `left`" } },
      ],
    },
    {
      // Across files: `file:` is read from the extending file's directory.
      code: "services:\n  api:\n    extends:\n      file: deploy/compose.base.yaml\n      service: worker\n",
      files: { "deploy/compose.base.yaml": crossBase },
      errors: [{ messageId: "cycle", line: 3, column: 5, endLine: 3, endColumn: 12, service: "api", data: { service: "api", base: "worker", cycle: "`api` → `worker` (deploy/compose.base.yaml) → `api`" } }],
    },
  ],
});
