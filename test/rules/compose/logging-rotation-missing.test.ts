import rule from "../../../rules/compose/logging-rotation-missing.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  web:\n    image: nginx:1.27\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n        max-file: \"3\"\n",
    // No driver means the daemon default (json-file): max-size is enough.
    "services:\n  web:\n    image: nginx:1.27\n    logging:\n      options:\n        max-size: 10m\n",
    // local rotates by default; other drivers ship logs elsewhere.
    "services:\n  web:\n    image: nginx:1.27\n    logging:\n      driver: local\n  api:\n    image: app:1\n    logging:\n      driver: journald\n",
    // The x-logging anchor pattern, through an alias or a merge key.
    "x-logging: &default-logging\n  driver: json-file\n  options:\n    max-size: 10m\nx-base: &base\n  logging: *default-logging\nservices:\n  web:\n    image: nginx:1.27\n    logging: *default-logging\n  api:\n    <<: *base\n    image: app:1\n",
    // A variable driver: unknown.
    "services:\n  web:\n    image: nginx:1.27\n    logging:\n      driver: ${LOG_DRIVER:-json-file}\n",
    // One-shot jobs and override fragments.
    "services:\n  migrate:\n    image: app:1\n  web:\n    ports: [\"80:80\"]\n",
  ],
  invalid: [
    {
      code: "services:\n  web:\n    image: nginx:1.27\n",
      errors: [{ messageId: "missing", line: 2, column: 3, endLine: 2, endColumn: 6, service: "web" }],
    },
    {
      // json-file with options but no max-size; max-file alone does not rotate.
      code: "services:\n  web:\n    image: nginx:1.27\n    logging:\n      driver: json-file\n      options:\n        max-file: \"3\"\n  api:\n    image: app:1\n    logging:\n      driver: json-file\n",
      errors: [
        { messageId: "noMaxSize", line: 6, column: 7, endLine: 6, endColumn: 14 },
        { messageId: "noMaxSize", line: 11, column: 7, endLine: 11, endColumn: 13 },
      ],
    },
    {
      // The file defines a rotating anchor that this service does not use: the fix adds it.
      code: "x-logging: &default-logging\n  driver: json-file\n  options:\n    max-size: 10m\nservices:\n  web:\n    image: nginx:1.27\n    logging: *default-logging\n  api:\n    image: app:1\n    restart: always\n",
      errors: [{ messageId: "missingAnchor", line: 9, column: 3, endLine: 9, endColumn: 6 }],
      output: "x-logging: &default-logging\n  driver: json-file\n  options:\n    max-size: 10m\nservices:\n  web:\n    image: nginx:1.27\n    logging: *default-logging\n  api:\n    image: app:1\n    restart: always\n    logging: *default-logging\n",
    },
    {
      // A non-rotating configuration shared by an anchor is reported once, where it is written.
      code: "x-logging: &log\n  driver: json-file\nservices:\n  a:\n    image: app:1\n    logging: *log\n  b:\n    image: app:1\n    logging: *log\n",
      errors: [{ messageId: "noMaxSize", line: 2, column: 3, endLine: 2, endColumn: 9 }],
    },
    {
      // The rotating anchor comes after the service, and an alias must follow its anchor: no fix.
      code: "services:\n  web:\n    image: nginx:1.27\nx-logging: &default-logging\n  driver: json-file\n  options:\n    max-size: 10m\n",
      errors: [{ messageId: "missing", line: 2, column: 3, endLine: 2, endColumn: 6 }],
    },
    {
      // The key goes where service-keys-order puts it, above the comment over the key after it, which describes that key.
      code: "x-logging: &default-logging\n  driver: json-file\n  options:\n    max-size: 10m\nservices:\n  api:\n    image: app:1.2\n    # traefik routes\n    labels: [a=b]\n",
      errors: [{ messageId: "missingAnchor", line: 6, column: 3, endLine: 6, endColumn: 6 }],
      output: "x-logging: &default-logging\n  driver: json-file\n  options:\n    max-size: 10m\nservices:\n  api:\n    image: app:1.2\n    logging: *default-logging\n    # traefik routes\n    labels: [a=b]\n",
    },
    {
      // Of two rotating anchors, the one defined before the service is used.
      code: "x-early: &early\n  driver: local\nservices:\n  web:\n    image: nginx:1.27\nx-late: &late\n  driver: json-file\n  options:\n    max-size: 10m\n",
      errors: [{ messageId: "missingAnchor", line: 4, column: 3, endLine: 4, endColumn: 6, data: { service: "web", anchor: "early" } }],
      output: "x-early: &early\n  driver: local\nservices:\n  web:\n    image: nginx:1.27\n    logging: *early\nx-late: &late\n  driver: json-file\n  options:\n    max-size: 10m\n",
    },
    {
      // YAML anchors do not cross documents: one defined in an earlier document of the file cannot be used.
      code: "x-logging: &rot\n  driver: json-file\n  options:\n    max-size: 10m\nservices:\n  a:\n    image: app:1\n    logging: *rot\n---\nservices:\n  b:\n    image: app:1\n",
      errors: [{ messageId: "missing", line: 11, column: 3, endLine: 11, endColumn: 4, data: { service: "b" } }],
    },
  ],
});
