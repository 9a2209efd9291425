import rule from "../../../rules/compose/compose-exec-form-command-line.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  web:\n    image: node:20\n    entrypoint: [\"npm\", \"start\"]\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost\"]\n",
    // The string forms go through a shell (command, healthcheck) or are split into words (entrypoint).
    "services:\n  web:\n    image: node:20\n    command: npm start\n    healthcheck:\n      test: curl -f http://localhost || exit 1\n  api:\n    image: node:20\n    entrypoint: npm start\n    healthcheck:\n      test: [\"CMD-SHELL\", \"curl -f http://localhost || exit 1\"]\n",
    // The entrypoint receives the command as its arguments: `sh -c` runs it, and so may any other.
    "services:\n  web:\n    image: node:20\n    entrypoint: [\"sh\", \"-c\"]\n    command: [\"npm start\"]\n",
    { code: "services:\n  web:\n    build: .\n    command: [\"npm start\"]\n", files: { Dockerfile: "FROM node:20\nENTRYPOINT [\"/docker-entrypoint.sh\"]\n" } },
    "services:\n  base:\n    image: node:20\n    entrypoint: [\"bash\", \"-lc\"]\n  web:\n    extends: base\n    command: [\"npm start\"]\n",
    // An option and its value in one item: the image's entrypoint splits its arguments into words itself.
    "services:\n  redpanda:\n    image: docker.redpanda.com/vectorized/redpanda:v22.2.2\n    command:\n      - redpanda start\n      - --smp 1\n      - --overprovisioned\n",
    // Paths that may hold a space, Windows paths, variables, a program without spaces.
    "services:\n  web:\n    image: app:1\n    entrypoint: [\"/opt/My App/bin/app\"]\n  win:\n    image: app:1\n    entrypoint: [\"C:\\\\Program Files\\\\app\\\\app.exe\"]\n  env:\n    image: app:1\n    entrypoint: [\"${APP} serve\"]\n  one:\n    image: app:1\n    entrypoint: [\"/app\"]\n    healthcheck:\n      test: [\"NONE\"]\n",
    // A command that merely starts with NONE, and `disable: true`.
    "services:\n  web:\n    image: app:1\n    healthcheck:\n      test: NONE_CHECK=1 /healthz\n  api:\n    image: app:1\n    healthcheck:\n      disable: true\n",
  ],
  invalid: [
    {
      code: "services:\n  web:\n    image: node:20\n    command: [\"npm start\"]\n",
      errors: [{ messageId: "commandLine", line: 4, column: 15, endLine: 4, endColumn: 26, service: "web" }],
      output: "services:\n  web:\n    image: node:20\n    command: [\"npm\", \"start\"]\n",
    },
    {
      // Each quoting style is kept; a plain word YAML would read as a number is quoted.
      code: "services:\n  a:\n    image: app:1\n    entrypoint: ['python -m','app']\n  b:\n    image: app:1\n    entrypoint: [sleep 10]\n",
      errors: [
        { messageId: "commandLine", line: 4, column: 18, endLine: 4, endColumn: 29, service: "a" },
        { messageId: "commandLine", line: 7, column: 18, endLine: 7, endColumn: 26, service: "b" },
      ],
      output: "services:\n  a:\n    image: app:1\n    entrypoint: ['python','-m','app']\n  b:\n    image: app:1\n    entrypoint: [sleep, \"10\"]\n",
    },
    {
      // A block list gets one line per word.
      code: "services:\n  web:\n    image: app:1\n    entrypoint:\n      - /usr/local/bin/gunicorn --bind\n      - 0.0.0.0:8000\n",
      errors: [{ messageId: "commandLine", line: 5, column: 9, endLine: 5, endColumn: 39, service: "web" }],
      output: "services:\n  web:\n    image: app:1\n    entrypoint:\n      - /usr/local/bin/gunicorn\n      - --bind\n      - 0.0.0.0:8000\n",
    },
    {
      // The program of a CMD healthcheck is its second item; shell syntax makes it CMD-SHELL.
      code: "services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: [\"CMD\", \"curl -f http://localhost/\"]\n  api:\n    image: app:1\n    healthcheck:\n      test: [\"CMD\", \"curl -f http://localhost/ || exit 1\"]\n",
      errors: [
        { messageId: "commandLine", line: 5, column: 21, endLine: 5, endColumn: 48, service: "web" },
        { messageId: "commandLine", line: 9, column: 21, endLine: 9, endColumn: 58, service: "api" },
      ],
      output: "services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost/\"]\n  api:\n    image: app:1\n    healthcheck:\n      test: [\"CMD-SHELL\", \"curl -f http://localhost/ || exit 1\"]\n",
    },
    {
      // A variable after the program: the item still holds the whole command line once interpolated.
      code: "services:\n  web:\n    image: app:1\n    healthcheck:\n      test: [\"CMD\", \"curl -f http://localhost:${PORT:-80}/\"]\n",
      errors: [{ messageId: "commandLine", line: 5, column: 21, endLine: 5, endColumn: 60, service: "web" }],
      output: "services:\n  web:\n    image: app:1\n    healthcheck:\n      test: [\"CMD-SHELL\", \"curl -f http://localhost:${PORT:-80}/\"]\n",
    },
    {
      // No fix: shell syntax outside a healthcheck, a shell builtin, a list shared through an anchor.
      code: "services:\n  web:\n    image: app:1\n    entrypoint: [\"npm ci && npm start\"]\n  job:\n    image: app:1\n    entrypoint: [\"cd /app\"]\n  api:\n    image: app:1\n    entrypoint: &shared [\"node server.js\"]\n  worker:\n    image: app:1\n    entrypoint: *shared\n",
      errors: [
        { messageId: "commandLine", line: 4, column: 18, endLine: 4, endColumn: 39, service: "web" },
        { messageId: "commandLine", line: 7, column: 18, endLine: 7, endColumn: 27, service: "job" },
        { messageId: "commandLine", line: 10, column: 26, endLine: 10, endColumn: 42, service: "api" },
      ],
    },
    {
      // `test: NONE` is `["CMD-SHELL", "NONE"]`: the shell runs a command named NONE; `["NONE"]` switches the check off.
      code: "services:\n  web:\n    image: app:1\n    healthcheck:\n      test: NONE\n  api:\n    image: app:1\n    healthcheck:\n      test: \"NONE\"\n      interval: 10s\n",
      errors: [
        { messageId: "noneCommand", line: 5, column: 13, endLine: 5, endColumn: 17, service: "web" },
        { messageId: "noneCommand", line: 9, column: 13, endLine: 9, endColumn: 19, service: "api" },
      ],
      output: "services:\n  web:\n    image: app:1\n    healthcheck:\n      test: [\"NONE\"]\n  api:\n    image: app:1\n    healthcheck:\n      test: [\"NONE\"]\n      interval: 10s\n",
    },
    {
      // NONE after CMD or CMD-SHELL is a command too; a block list is left as written.
      code: "services:\n  web:\n    image: app:1\n    healthcheck:\n      test: [\"CMD\", \"NONE\"]\n  api:\n    image: app:1\n    healthcheck:\n      test:\n        - CMD-SHELL\n        - NONE\n",
      errors: [
        { messageId: "noneCommand", line: 5, column: 21, endLine: 5, endColumn: 27, service: "web" },
        { messageId: "noneCommand", line: 11, column: 11, endLine: 11, endColumn: 15, service: "api" },
      ],
      output: "services:\n  web:\n    image: app:1\n    healthcheck:\n      test: [\"NONE\"]\n  api:\n    image: app:1\n    healthcheck:\n      test:\n        - CMD-SHELL\n        - NONE\n",
    },
    {
      // Lists reached through an alias or a merge key are reported once, where they are written, without a fix.
      code: "x-hc: &hc\n  test: [\"CMD\", \"curl -f http://localhost/\"]\nx-common: &common\n  image: app:1\n  entrypoint: [\"node server.js\"]\nservices:\n  web:\n    <<: *common\n    healthcheck: *hc\n  api:\n    <<: *common\n    healthcheck: *hc\n",
      errors: [
        { messageId: "commandLine", line: 2, column: 17, endLine: 2, endColumn: 44, service: "web" },
        { messageId: "commandLine", line: 5, column: 16, endLine: 5, endColumn: 32, service: "web" },
      ],
    },
    {
      // `test: NONE` shared through an alias: once, no fix.
      code: "x-hc: &hc\n  test: NONE\nservices:\n  web:\n    image: app:1\n    healthcheck: *hc\n  api:\n    image: app:1\n    healthcheck: *hc\n",
      errors: [{ messageId: "noneCommand", line: 2, column: 9, endLine: 2, endColumn: 13, service: "web" }],
    },
  ],
});
