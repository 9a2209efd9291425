import rule from "../../../rules/compose/restart-on-failure-retries.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  a:\n    image: app:1\n    restart: on-failure:5\n  b:\n    image: app:1\n    restart: unless-stopped\n",
    "services:\n  a:\n    image: app:1\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 5\n  b:\n    image: app:1\n    deploy:\n      restart_policy:\n        condition: any\n",
    { code: "services:\n  a:\n    image: app:1\n    restart: on-failure:3\n", options: { retries: 3 } },
    // `restart:` writes no count, so none goes unused: docker compose runs the deploy policy, judged on its own.
    "services:\n  a:\n    image: app:1\n    restart: on-failure\n    deploy:\n      restart_policy:\n        condition: any\n",
    // A count set by a variable without a default is unknown here.
    "services:\n  a:\n    image: app:1\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: ${MAX_ATTEMPTS}\n  b:\n    image: app:1\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: ${MAX_ATTEMPTS:?}\n",
  ],
  invalid: [
    {
      // docker compose runs `deploy.restart_policy` in place of `restart:` (create.go getRestartPolicy): only the policy counts.
      // The count written in `restart:` is then never used, which is said as such.
      code: "services:\n  a:\n    image: app:1\n    restart: on-failure:10\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 10\n  b:\n    image: app:1\n    restart: on-failure:2\n    deploy:\n      restart_policy:\n        condition: any\n  c:\n    image: app:1\n    restart: on-failure:5\n    deploy:\n      restart_policy:\n        condition: any\n",
      errors: [
        { messageId: "replaced", line: 4, column: 14, endLine: 4, endColumn: 27, data: { service: "a", restart: "on-failure:10" }, service: "a" },
        { messageId: "count", line: 8, column: 23, endLine: 8, endColumn: 25, service: "a" },
        { messageId: "replaced", line: 11, column: 14, endLine: 11, endColumn: 26, data: { service: "b", restart: "on-failure:2" }, service: "b" },
      ],
      // Only the policy's count is rewritten: the replaced `restart:` count is never used, so none is written there.
      output: "services:\n  a:\n    image: app:1\n    restart: on-failure:10\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 5\n  b:\n    image: app:1\n    restart: on-failure:2\n    deploy:\n      restart_policy:\n        condition: any\n  c:\n    image: app:1\n    restart: on-failure:5\n    deploy:\n      restart_policy:\n        condition: any\n",
    },
    {
      code: "services:\n  a:\n    image: app:1\n    restart: on-failure:10\n",
      errors: [{ messageId: "count", line: 4, column: 14, endLine: 4, endColumn: 27, service: "a" }],
      output: "services:\n  a:\n    image: app:1\n    restart: on-failure:5\n",
    },
    {
      code: "services:\n  a:\n    image: app:1\n    restart: \"on-failure\"\n  b:\n    image: app:1\n    deploy:\n      restart_policy:\n        condition: on-failure\n",
      errors: [
        { messageId: "unlimited", line: 4, column: 14, endLine: 4, endColumn: 26 },
        { messageId: "unlimited", line: 9, column: 20, endLine: 9, endColumn: 30 },
      ],
      // The count joins the quoted value; max_attempts goes under the condition it bounds.
      output: "services:\n  a:\n    image: app:1\n    restart: \"on-failure:5\"\n  b:\n    image: app:1\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 5\n",
    },
    {
      // Docker reads a maximum retry count of 0 as no maximum: these restart forever, not "up to 0 times".
      code: "services:\n  a:\n    image: app:1\n    restart: on-failure:0\n  b:\n    image: app:1\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 0\n",
      errors: [
        { messageId: "unlimited", line: 4, column: 14, endLine: 4, endColumn: 26, data: { service: "a", retries: "5" } },
        { messageId: "unlimited", line: 10, column: 23, endLine: 10, endColumn: 24, data: { service: "b", retries: "5" } },
      ],
      output: "services:\n  a:\n    image: app:1\n    restart: on-failure:5\n  b:\n    image: app:1\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 5\n",
    },
    {
      code: "services:\n  a:\n    image: app:1\n    restart: on-failure # flaky upstream\n",
      options: { retries: 3 },
      errors: [{ messageId: "unlimited", line: 4, column: 14, endLine: 4, endColumn: 24 }],
      output: "services:\n  a:\n    image: app:1\n    restart: on-failure:3 # flaky upstream\n",
    },
    {
      // A policy merged from an anchor (shared with other services), set by a variable, or in a flow mapping: no fix.
      code: "x-r: &r\n  restart: on-failure\nservices:\n  a:\n    <<: *r\n    image: app:1\n  b:\n    image: app:1\n    restart: ${RESTART:-on-failure}\n  c:\n    image: app:1\n    deploy:\n      restart_policy: {condition: on-failure}\n",
      errors: [
        { messageId: "unlimited", line: 2, column: 12, endLine: 2, endColumn: 22 },
        { messageId: "unlimited", line: 9, column: 14, endLine: 9, endColumn: 36 },
        { messageId: "unlimited", line: 13, column: 35, endLine: 13, endColumn: 45 },
      ],
    },
  ],
});
