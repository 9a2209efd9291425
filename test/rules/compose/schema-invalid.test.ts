import rule from "../../../rules/compose/schema-invalid.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    // Extension keys, anchors, merge keys, extends, long syntax.
    "name: shop\nx-common: &common\n  restart: unless-stopped\nservices:\n  web:\n    <<: *common\n    image: nginx:1.27\n    x-team: web\n    ports:\n      - target: 80\n        published: \"8080\"\n  api:\n    extends: web\n    depends_on:\n      web:\n        condition: service_healthy\n        restart: true\n",
    // Variables: interpolated with defaults, and a number field fed by a variable is cast by Compose.
    "services:\n  web:\n    image: nginx:${TAG:-1.27}\n    ports:\n      - \"${WEB_PORT:-8080}:80\"\n      - \"${A_PORT}\"\n      - \"${B_PORT}\"\n    networks:\n      front:\n        priority: ${PRIORITY:-10}\n    privileged: ${PRIVILEGED:-false}\nnetworks:\n  front: {}\n",
    // `!reset` drops a value before Compose validates.
    "services:\n  web:\n    image: nginx:1.27\n    build: !reset null\n",
    // Repeats in the lists Compose merges before it validates (ports, volumes, environment, expose).
    "services:\n  web:\n    image: nginx:1.27\n    ports: [\"80:80\", \"80:80\", {target: 81}, {target: 81}]\n    volumes: [./a:/a, ./a:/a, {type: tmpfs, target: /t}, {type: tmpfs, target: /t}]\n    environment: [A=1, A=1]\n    expose: [80, 80]\n",
    // An empty file and an override fragment.
    "",
    "services:\n  web:\n    environment:\n      DEBUG: \"1\"\n",
  ],
  invalid: [
    {
      // A repeat in a list Compose does not merge.
      code: "services:\n  web:\n    image: nginx:1.27\n    cap_add: [NET_ADMIN, NET_ADMIN]\n",
      errors: [{ messageId: "other", line: 4, column: 14, endLine: 4, endColumn: 36, service: "web" }],
    },
    {
      code: "services:\n  web:\n    image: nginx:1.27\n    restrat: always\n",
      errors: [{ messageId: "unknownKey", line: 4, column: 5, endLine: 4, endColumn: 12, service: "web" }],
    },
    {
      code: "servces:\n  web:\n    image: nginx:1.27\n",
      errors: [{ messageId: "unknownKey", line: 1, column: 1, endLine: 1, endColumn: 8 }],
    },
    {
      // Inside alternatives, the branch that fits the value explains the error.
      code: "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - target: 80\n        protocl: tcp\n    volumes:\n      - target: /data\n    depends_on:\n      db:\n        condtion: service_healthy\n  db:\n    image: postgres:16\n",
      errors: [
        { messageId: "unknownKey", line: 6, column: 9, endLine: 6, endColumn: 16 },
        { messageId: "required", line: 8, column: 9, endLine: 8, endColumn: 22 },
        { messageId: "required", line: 10, column: 7, endLine: 10, endColumn: 9 },
        { messageId: "unknownKey", line: 11, column: 9, endLine: 11, endColumn: 17 },
      ],
    },
    {
      code: "services:\n  web:\n    image: nginx:1.27\n    build: 12\n    environment:\n    depends_on:\n      db:\n        condition: service_ready\n  db:\n    image: postgres:16\n",
      errors: [
        { messageId: "type", line: 4, column: 12, endLine: 4, endColumn: 14 },
        { messageId: "type", line: 5, column: 5, endLine: 5, endColumn: 16 },
        { messageId: "enum", line: 8, column: 20, endLine: 8, endColumn: 33 },
      ],
    },
    {
      // YAML problems: a duplicate key, a syntax error.
      code: "services:\n  web:\n    image: nginx:1.27\n    image: nginx:1.28\n",
      errors: [{ messageId: "yaml", line: 4, column: 5, endLine: 4, endColumn: 10 }],
    },
    {
      // Left open at the end of the file: at the end of the last line, not on the line after the final break.
      code: "services:\n  web:\n    image: [nginx\n",
      errors: [{ messageId: "yaml", line: 3, column: 18, endLine: 3, endColumn: 18 }],
    },
    {
      // An alias inside the node it names: an infinite value.
      code: "x-a: &a [*a]\nservices: {}\n",
      errors: [{ messageId: "yaml", line: 1, column: 10, endLine: 1, endColumn: 12 }],
    },
    {
      code: "- just\n- a list\n",
      errors: [{ messageId: "yaml", line: 1, column: 1, endLine: 1, endColumn: 1 }],
    },
    {
      // Strings past the schema check's limit are skipped and said to be: a value (its own type is
      // not judged, the rest of the file still is) and a key (left out with what it holds).
      code: `services:\n  web:\n    image: nginx:1.27\n    command: ${"a|".repeat(35_000)}\n    restrat: always\n  ${"b".repeat(70_000)}:\n    image: 12\n`,
      errors: [
        { messageId: "tooLongValue", line: 4, column: 14, endLine: 4, endColumn: 70_014 },
        { messageId: "unknownKey", line: 5, column: 5, endLine: 5, endColumn: 12 },
        { messageId: "tooLongKey", line: 6, column: 3, endLine: 6, endColumn: 70_003 },
      ],
    },
  ],
});
