import rule from "../../../rules/compose/no-new-privileges-missing.js";
import { audit } from "../../../src/engine/index.js";
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
    "services:\n  app:\n    image: example/app:1\n    security_opt: [\"no-new-privileges\"]\n",
    "services:\n  app:\n    image: example/app:1\n    security_opt:\n      - no-new-privileges=true\n",
    "services:\n  app:\n    environment:\n      A: b\n",
    // The daemon reads the value with Go's strconv.ParseBool: 1 and t switch it on too.
    "services:\n  a:\n    image: example/a:1\n    security_opt: [\"no-new-privileges:1\"]\n  b:\n    image: example/b:1\n    security_opt: [\"no-new-privileges=T\"]\n",
  ],
  invalid: [
    {
      // No security_opt: the key is added where service-keys-order puts it (after the grouped keys, alphabetically).
      code: "services:\n  app:\n    image: example/app:1\n    ports:\n    - \"8080:80\"\n    user: app\n    # one worker per core\n    ulimits:\n      nproc: 512\n",
      errors: [{ messageId: "missing", line: 2, column: 3, endLine: 2, endColumn: 6, service: "app" }],
      output: "services:\n  app:\n    image: example/app:1\n    ports:\n    - \"8080:80\"\n    user: app\n    security_opt:\n    - no-new-privileges:true\n    # one worker per core\n    ulimits:\n      nproc: 512\n",
    },
    {
      // Lists indented unevenly: the new one follows most of them.
      code: "services:\n  app:\n    image: example/app:1\n    volumes:\n     - ./data:/data\n    ports:\n      - \"8080:80\"\n    networks:\n      - front\n",
      errors: [{ messageId: "missing", line: 2, column: 3, endLine: 2, endColumn: 6 }],
      output: "services:\n  app:\n    image: example/app:1\n    volumes:\n     - ./data:/data\n    ports:\n      - \"8080:80\"\n    networks:\n      - front\n    security_opt:\n      - no-new-privileges:true\n",
    },
    {
      // No list in the file to copy: the entry is indented as far as the service's keys are past its name.
      code: "services:\n    app:\n        image: example/app:1\n",
      errors: [{ messageId: "missing", line: 2, column: 5, endLine: 2, endColumn: 8 }],
      output: "services:\n    app:\n        image: example/app:1\n        security_opt:\n            - no-new-privileges:true\n",
    },
    {
      // A block list gets one more entry, quoted like its last one; a false value becomes true.
      code: "services:\n  a:\n    image: example/a:1\n    security_opt:\n      - \"apparmor: false\" # host profile\n  b:\n    image: example/b:1\n    security_opt:\n      - no-new-privileges:false\n",
      errors: [
        { messageId: "missing", line: 4, column: 5, endLine: 4, endColumn: 17 },
        { messageId: "disabled", line: 9, column: 9, endLine: 9, endColumn: 32 },
      ],
      output: "services:\n  a:\n    image: example/a:1\n    security_opt:\n      - \"apparmor: false\" # host profile\n      - \"no-new-privileges:true\"\n  b:\n    image: example/b:1\n    security_opt:\n      - no-new-privileges:true\n",
    },
    {
      // A flow list gets the entry before its bracket, quoted (a plain `a:b` in a flow list trips older YAML parsers).
      code: "services:\n  a:\n    image: example/a:1\n    security_opt: [label=disable]\n  b:\n    image: example/b:1\n    security_opt: []\n  c:\n    image: example/c:1\n    security_opt: ['seccomp=unconfined', 'no-new-privileges=FALSE']\n",
      errors: [
        { messageId: "missing", line: 4, column: 5, endLine: 4, endColumn: 17 },
        { messageId: "missing", line: 7, column: 5, endLine: 7, endColumn: 17 },
        { messageId: "disabled", line: 10, column: 42, endLine: 10, endColumn: 67 },
      ],
      output: "services:\n  a:\n    image: example/a:1\n    security_opt: [label=disable, \"no-new-privileges:true\"]\n  b:\n    image: example/b:1\n    security_opt: [\"no-new-privileges:true\"]\n  c:\n    image: example/c:1\n    security_opt: ['seccomp=unconfined', 'no-new-privileges=true']\n",
    },
    {
      // 0 and f switch it off as false does; the value becomes true.
      code: "services:\n  a:\n    image: example/a:1\n    security_opt:\n      - no-new-privileges=0\n  b:\n    image: example/b:1\n    security_opt:\n      - 'no-new-privileges:f'\n",
      errors: [
        { messageId: "disabled", line: 5, column: 9, endLine: 5, endColumn: 28 },
        { messageId: "disabled", line: 9, column: 9, endLine: 9, endColumn: 30 },
      ],
      output: "services:\n  a:\n    image: example/a:1\n    security_opt:\n      - no-new-privileges=true\n  b:\n    image: example/b:1\n    security_opt:\n      - 'no-new-privileges:true'\n",
    },
    {
      // Lists from an anchor, a merge key or an extends base, and a list shared by an anchor: no fix.
      code: "x-sec: &sec\n  - label=disable\nx-base: &base\n  image: example/a:1\nservices:\n  a:\n    image: example/a:1\n    security_opt: *sec\n  b:\n    <<: *base\n  c:\n    image: example/c:1\n    security_opt: &own\n      - label=disable\n  d:\n    extends: c\n    security_opt: [apparmor=unconfined]\n",
      errors: [
        { messageId: "missing", line: 8, column: 5, endLine: 8, endColumn: 17 },
        { messageId: "missing", line: 9, column: 3, endLine: 9, endColumn: 4 },
        { messageId: "missing", line: 13, column: 5, endLine: 13, endColumn: 17 },
        { messageId: "missing", line: 17, column: 5, endLine: 17, endColumn: 17 },
      ],
    },
    {
      // The daemon reads the entry exactly: a space, another case, a value strconv.ParseBool refuses or none
      // at all make it refuse the container. Such an entry is replaced whole when no other entry sets the
      // option, else deleted (Compose refuses a list that repeats an entry); it is never kept.
      code: "services:\n  a:\n    image: example/a:1\n    security_opt:\n      - \"no-new-privileges: false\"\n  b:\n    image: example/b:1\n    security_opt: [NO-NEW-PRIVILEGES]\n  c:\n    image: example/c:1\n    security_opt:\n      - no-new-privileges:true\n      - No-New-Privileges=tRuE\n  d:\n    image: example/d:1\n    security_opt: [\"no-new-privileges:\", label=disable]\n",
      errors: [
        { messageId: "rejected", line: 5, column: 9, endLine: 5, endColumn: 35, data: { service: "a", entry: "no-new-privileges: false" } },
        { messageId: "rejected", line: 8, column: 20, endLine: 8, endColumn: 37 },
        { messageId: "rejected", line: 13, column: 9, endLine: 13, endColumn: 31 },
        { messageId: "rejected", line: 16, column: 20, endLine: 16, endColumn: 40 },
      ],
      output: "services:\n  a:\n    image: example/a:1\n    security_opt:\n      - \"no-new-privileges:true\"\n  b:\n    image: example/b:1\n    security_opt: [\"no-new-privileges:true\"]\n  c:\n    image: example/c:1\n    security_opt:\n      - no-new-privileges:true\n  d:\n    image: example/d:1\n    security_opt: [\"no-new-privileges:true\", label=disable]\n",
    },
    {
      // An entry the daemon refuses beside an explicit false: the false becomes true, the refused entry goes.
      code: "services:\n  a:\n    image: example/a:1\n    security_opt:\n      - NO-NEW-PRIVILEGES:true\n      - no-new-privileges:false # keep\n",
      errors: [
        { messageId: "rejected", line: 5, column: 9, endLine: 5, endColumn: 31 },
        { messageId: "disabled", line: 6, column: 9, endLine: 6, endColumn: 32 },
      ],
      output: "services:\n  a:\n    image: example/a:1\n    security_opt:\n      - no-new-privileges:true # keep\n",
    },
    {
      // Several refused entries and no other: the last is replaced, the others deleted; in a flow list with their separator.
      code: "services:\n  a:\n    image: example/a:1\n    security_opt: [NO-NEW-PRIVILEGES, label=disable, \"no-new-privileges: true\"]\n  b:\n    image: example/b:1\n    security_opt:\n      - label=disable\n      - no-new-privileges=yes\n      - No-New-Privileges\n",
      errors: [
        { messageId: "rejected", line: 4, column: 20, endLine: 4, endColumn: 37 },
        { messageId: "rejected", line: 4, column: 54, endLine: 4, endColumn: 79 },
        { messageId: "rejected", line: 9, column: 9, endLine: 9, endColumn: 30 },
        { messageId: "rejected", line: 10, column: 9, endLine: 10, endColumn: 26 },
      ],
      output: "services:\n  a:\n    image: example/a:1\n    security_opt: [label=disable, \"no-new-privileges:true\"]\n  b:\n    image: example/b:1\n    security_opt:\n      - label=disable\n      - no-new-privileges:true\n",
    },
    {
      // A false after the same entry set true: making it true would repeat the entry, which Compose refuses; it is deleted.
      code: "services:\n  a:\n    image: example/a:1\n    security_opt:\n      - no-new-privileges:true\n      - no-new-privileges:false\n      - label=disable\n",
      errors: [{ messageId: "disabled", line: 6, column: 9, endLine: 6, endColumn: 32 }],
      output: "services:\n  a:\n    image: example/a:1\n    security_opt:\n      - no-new-privileges:true\n      - label=disable\n",
    },
    {
      // An explicit false written once in an anchor and merged into three services: one finding, where it is written.
      code: "x-worker: &worker\n  image: acme/worker:1.2\n  security_opt: [\"no-new-privileges:false\"]\nservices:\n  w1:\n    <<: *worker\n  w2:\n    <<: *worker\n  w3:\n    <<: *worker\n",
      errors: [{ messageId: "disabled", line: 3, column: 18, endLine: 3, endColumn: 43, service: "w1" }],
    },
  ],
});

describe("no-new-privileges-missing severity", () => {
  it("reports an entry the daemon refuses as an error: the stack cannot start", () => {
    const content = "services:\n  a:\n    image: example/a:1\n    security_opt: [\"no-new-privileges: true\"]\n  b:\n    image: example/b:1\n";
    const found = audit([{ path: "compose.yaml", content }], [rule]).findings;
    expect(found.map((f) => [f.service, f.messageId, f.severity])).toEqual([
      ["a", "rejected", "error"],
      ["b", "missing", "info"],
    ]);
  });
});
