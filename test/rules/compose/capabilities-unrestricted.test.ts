import rule from "../../../rules/compose/capabilities-unrestricted.js";
import { ruleTester } from "../../helpers/rule-tester.js";
import { WINDOWS_SERVICES } from "../../helpers/windows-services.js";

ruleTester(rule, {
  valid: [
    // Windows containers: Docker ignores or refuses this Linux-only setting there.
    WINDOWS_SERVICES,
    // inherited from the base it extends, or merged from the override beside it
    "services:\n  base:\n    image: example/app:1\n    cap_drop: [ALL]\n  worker:\n    extends: base\n    command: [worker]\n  other:\n    extends:\n      service: base\n",
    { code: "services:\n  api:\n    image: example/api:1\n", files: { "compose.override.yaml": "services:\n  api:\n    cap_drop: [ALL]\n" } },
    // a base in another file: its settings are not known here
    { code: "services:\n  api:\n    extends:\n      file: common.yaml\n      service: base\n" },
    "services:\n  web:\n    image: nginx:1.27\n    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE, CHOWN]\n",
    "services:\n  web:\n    image: nginx:1.27\n    cap_drop:\n      - all\n",
    // Every one of Docker's default capabilities dropped by name leaves none of them.
    "services:\n  web:\n    image: nginx:1.27\n    cap_drop: [CHOWN, DAC_OVERRIDE, FSETID, FOWNER, MKNOD, NET_RAW, SETGID, SETUID, SETFCAP, SETPCAP, NET_BIND_SERVICE, SYS_CHROOT, KILL, AUDIT_WRITE]\n",
    "services:\n  web:\n    ports: [\"8080:80\"]\n",
    { code: "services:\n  web:\n    image: nginx:1.27\n", options: { requireDropAll: false } },
    "services:\n  dind:\n    image: docker:27-dind\n    privileged: true\n",
    // Privileged however Compose reads true (the privileged rule reports it), a default included.
    "services:\n  dind:\n    image: docker:27-dind\n    privileged: \"true\"\n  vpn:\n    image: wireguard:1.0\n    privileged: ${VPN_PRIVILEGED:-true}\n",
  ],
  invalid: [
    {
      code: "services:\n  webapp:\n    build: ./dir\n    cap_add:\n      - all\n",
      errors: [
        { messageId: "noDropAll", line: 2, column: 3, endLine: 2, endColumn: 9, service: "webapp" },
        { messageId: "dangerous", line: 5, column: 9, endLine: 5, endColumn: 12, service: "webapp", data: { service: "webapp", cap: "all", effect: "use every capability, SYS_ADMIN and SYS_MODULE among them" } },
      ],
    },
    {
      // The message quotes the entry as written and says what that capability allows.
      code: "services:\n  ntp:\n    image: example/ntp:1\n    cap_drop: [ALL]\n    cap_add: [CAP_SYS_TIME, sys_boot]\n",
      errors: [
        { messageId: "dangerous", line: 5, column: 15, endLine: 5, endColumn: 27, data: { service: "ntp", cap: "CAP_SYS_TIME", effect: "set the system clock, which the host and all its containers share" } },
        { messageId: "dangerous", line: 5, column: 29, endLine: 5, endColumn: 37, data: { service: "ntp", cap: "sys_boot", effect: "call reboot() and kexec_load()" } },
      ],
    },
    {
      code: "services:\n  vpn:\n    image: example/vpn:1\n    cap_add: [CAP_NET_ADMIN, NET_BIND_SERVICE]\n    cap_drop:\n      - SYS_CHROOT\n",
      errors: [
        { messageId: "dangerous", line: 4, column: 15, endLine: 4, endColumn: 28 },
        { messageId: "someDropped", line: 5, column: 5, endLine: 5, endColumn: 13 },
      ],
    },
    {
      // The message names defaults it keeps, not the ones it drops.
      code: "services:\n  web:\n    image: nginx:1.27\n    cap_drop: [NET_RAW, cap_chown, SETUID, MKNOD]\n",
      errors: [{ messageId: "someDropped", line: 4, column: 5, endLine: 4, endColumn: 13, data: { service: "web", dropped: "NET_RAW, CHOWN, SETUID, MKNOD", kept: "DAC_OVERRIDE, FSETID, FOWNER, …" } }],
    },
    {
      // Written once in an anchor and merged into three services: one finding, where it is written.
      code: "x-worker: &worker\n  image: acme/worker:1.2\n  cap_add: [SYS_ADMIN]\n  cap_drop: [ALL]\nservices:\n  w1:\n    <<: *worker\n  w2:\n    <<: *worker\n  w3:\n    <<: *worker\n",
      errors: [{ messageId: "dangerous", line: 3, column: 13, endLine: 3, endColumn: 22, service: "w1" }],
    },
  ],
});
