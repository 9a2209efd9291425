import rule from "../../../rules/compose/apparmor-selinux-disabled.js";
import { ruleTester, runCase } from "../../helpers/rule-tester.js";
import { WINDOWS_SERVICES } from "../../helpers/windows-services.js";

ruleTester(rule, {
  valid: [
    // Windows containers: the Windows daemon reads none of these options.
    WINDOWS_SERVICES,
    "services:\n  app:\n    image: example/app:1\n    security_opt:\n      - apparmor:docker-default\n      - label:type:svirt_apache_t\n      - seccomp:unconfined\n",
  ],
  invalid: [
    {
      code: "services:\n  app:\n    image: example/app:1\n    security_opt:\n      - apparmor:unconfined\n      - label=disable\n",
      errors: [
        { messageId: "apparmor", line: 5, column: 9, endLine: 5, endColumn: 28, service: "app" },
        { messageId: "selinux", line: 6, column: 9, endLine: 6, endColumn: 22, service: "app" },
      ],
    },
    {
      // The message quotes the option as written: `=` is Docker's separator, `:` its deprecated one.
      code: "services:\n  app:\n    image: example/app:1\n    security_opt:\n      - \"label=disable\"\n      - apparmor:unconfined\n",
      errors: [
        { messageId: "selinux", line: 5, column: 9, endLine: 5, endColumn: 24, data: { service: "app", option: "label=disable" } },
        { messageId: "apparmor", line: 6, column: 9, endLine: 6, endColumn: 28, data: { service: "app", option: "apparmor:unconfined" } },
      ],
    },
    {
      // The SELinux types that are not confined: spc_t (a "super privileged container") and unconfined_t.
      code: "services:\n  app:\n    image: example/app:1\n    security_opt:\n      - label=type:spc_t\n      - \"label:type:unconfined_t\"\n",
      errors: [
        { messageId: "selinuxType", line: 5, column: 9, endLine: 5, endColumn: 25, data: { service: "app", type: "spc_t" } },
        { messageId: "selinuxType", line: 6, column: 9, endLine: 6, endColumn: 34, data: { service: "app", type: "unconfined_t" } },
      ],
    },
    {
      // Written once in an anchor and merged into three services: one finding, where it is written.
      code: "x-worker: &worker\n  image: acme/worker:1.2\n  security_opt: [\"apparmor:unconfined\"]\nservices:\n  w1:\n    <<: *worker\n  w2:\n    <<: *worker\n  w3:\n    <<: *worker\n",
      errors: [{ messageId: "apparmor", line: 3, column: 18, endLine: 3, endColumn: 39, service: "w1" }],
    },
  ],
});

it("quotes the option as the file writes it", () => {
  const code = "services:\n  app:\n    image: example/app:1\n    security_opt:\n      - \"label=disable\"\n      - apparmor=unconfined\n";
  expect(runCase(rule, { code }).map((f) => f.message.split(",")[0])).toEqual([
    "Service `app` runs with `label=disable`",
    "Service `app` runs with `apparmor=unconfined`",
  ]);
});
