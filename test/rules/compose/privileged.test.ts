import rule from "../../../rules/compose/privileged.js";
import { ruleTester, runCase } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  web:\n    image: nginx:1.27\n",
    "services:\n  web:\n    image: nginx:1.27\n    privileged: false\n",
    "services: {}\n",
    // A variable without default, or with a false one, is not privileged by itself.
    "services:\n  web:\n    image: nginx:1.27\n    privileged: \"${PRIVILEGED}\"\n  api:\n    image: nginx:1.27\n    privileged: \"${PRIVILEGED:-false}\"\n",
    "",
    // A lifecycle hook run without privileges, as root.
    "services:\n  web:\n    image: nginx:1.27\n    post_start:\n      - command: chown -R 101 /cache\n        user: root\n        privileged: false\n",
  ],
  invalid: [
    {
      code: "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n",
      errors: [{ messageId: "privileged", line: 4, column: 17, endLine: 4, endColumn: 21, service: "web" }],
    },
    {
      code: "x-base: &base\n  privileged: true\nservices:\n  a:\n    <<: *base\n    image: alpine:3.20\n  b:\n    image: alpine:3.20\n    privileged: \"true\"\n",
      errors: [
        { messageId: "privileged", line: 2, column: 15, endLine: 2, endColumn: 19 },
        { messageId: "privileged", line: 9, column: 17, endLine: 9, endColumn: 23 },
      ],
    },
    {
      // Written once in an anchor and merged into three services: one finding, where it is written.
      code: "x-worker: &worker\n  image: acme/worker:1.2\n  privileged: true\nservices:\n  w1:\n    <<: *worker\n  w2:\n    <<: *worker\n  w3:\n    <<: *worker\n",
      errors: [{ messageId: "privileged", line: 3, column: 15, endLine: 3, endColumn: 19, service: "w1" }],
    },
    {
      // Strings Compose casts to true.
      code: "services:\n  a:\n    image: alpine:3.20\n    privileged: \"yes\"\n  b:\n    image: alpine:3.20\n    privileged: \"ON\"\n",
      errors: [
        // The message quotes the value as the file writes it.
        { messageId: "privileged", line: 4, column: 17, endLine: 4, endColumn: 22, data: { service: "a", value: '"yes"' } },
        { messageId: "privileged", line: 7, column: 17, endLine: 7, endColumn: 21, data: { service: "b", value: '"ON"' } },
      ],
    },
    {
      // True by default: privileged unless the environment says otherwise.
      code: "services:\n  agent:\n    image: alpine:3.20\n    privileged: \"${PRIV:-true}\"\n",
      errors: [{ messageId: "byDefault", line: 4, column: 17, endLine: 4, endColumn: 32, data: { service: "agent", value: '"${PRIV:-true}"' } }],
    },
    {
      // post_start / pre_stop hooks run like `docker exec`: `privileged: true` gives their command every capability.
      code: "services:\n  web:\n    image: nginx:1.27\n    cap_drop: [ALL]\n    post_start:\n      - command: chown -R 101 /cache\n        privileged: true\n    pre_stop:\n      - command: [\"/drain.sh\"]\n        privileged: \"true\"\n",
      errors: [
        { messageId: "hook", line: 7, column: 21, endLine: 7, endColumn: 25, data: { service: "web", hook: "post_start", value: "true" } },
        { messageId: "hook", line: 10, column: 21, endLine: 10, endColumn: 27, data: { service: "web", hook: "pre_stop", value: '"true"' } },
      ],
    },
  ],
});

describe("privileged messages", () => {
  it("quote the value the file writes, not `true`", () => {
    const code = "services:\n  a:\n    image: alpine:3.20\n    privileged: \"yes\"\n    post_start:\n      - command: [\"true\"]\n        privileged: ON\n";
    const messages = runCase(rule, { code }).map((f) => f.message);
    expect(messages).toEqual([expect.stringContaining('`privileged: "yes"`'), expect.stringContaining("`privileged: ON`")]);
  });
});
