import rule from "../../../rules/compose/restart-policy-missing.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester(rule, {
  valid: [
    "services:\n  web:\n    image: nginx:1.27\n    restart: unless-stopped\n",
    // An explicit "no" is a choice, not a missing policy.
    "services:\n  web:\n    image: nginx:1.27\n    restart: \"no\"\n",
    "services:\n  web:\n    image: nginx:1.27\n    deploy:\n      restart_policy:\n        condition: on-failure\n",
    // A Swarm stack (swarm-only deploy keys, or a stack/swarm file name): Swarm restarts a service's
    // tasks by default (restart condition any).
    "services:\n  web:\n    image: nginx:1.27\n    deploy:\n      placement:\n        constraints: [node.role == worker]\n  db:\n    image: postgres:16\n",
    { code: "services:\n  web:\n    image: nginx:1.27\n", filename: "compose.stack.yaml" },
    { code: "services:\n  web:\n    image: nginx:1.27\n", filename: "docker-compose.swarm.yml" },
    // One-shot jobs.
    "services:\n  db-migrate:\n    image: app:1\n  api:\n    image: app:1\n    restart: always\n    depends_on:\n      init:\n        condition: service_completed_successfully\n  init:\n    image: busybox:1.36\n",
    // From a merged anchor, an extends base, or an override file beside it.
    "x-common: &common\n  restart: always\nservices:\n  web:\n    <<: *common\n    image: app:1\n",
    "services:\n  base:\n    image: app:1\n    restart: always\n  web:\n    extends:\n      service: base\n",
    { code: "services:\n  web:\n    image: app:1\n", files: { "compose.prod.yaml": "services:\n  web:\n    restart: always\n" } },
    // extends from another file: unknown.
    "services:\n  web:\n    extends:\n      file: common.yaml\n      service: web\n",
    // An override fragment.
    "services:\n  web:\n    ports:\n      - \"8080:80\"\n",
    // mailcow: an override file kept in a helper folder, to be copied beside the base file, which sets the policy.
    {
      code: "services:\n  unbound-mailcow:\n    build: ./data/Dockerfiles/unbound\n",
      filename: "helper-scripts/docker-compose.override.yml.d/BUILD_FLAGS/docker-compose.override.yml",
      files: { "docker-compose.yml": "services:\n  unbound-mailcow:\n    image: ghcr.io/mailcow/unbound:1.24\n    restart: always\n" },
    },
  ],
  invalid: [
    {
      // update_config and rollback_config are copied into files run by `docker compose`, which ignores
      // them: not a sign of a Swarm stack.
      code: "services:\n  db:\n    image: postgres:16\n    restart: always\n    deploy:\n      update_config:\n        parallelism: 1\n      rollback_config:\n        parallelism: 1\n  admin:\n    image: postgres:16\n",
      errors: [{ messageId: "missing", line: 10, column: 3, endLine: 10, endColumn: 8, data: { service: "admin" } }],
      output: "services:\n  db:\n    image: postgres:16\n    restart: always\n    deploy:\n      update_config:\n        parallelism: 1\n      rollback_config:\n        parallelism: 1\n  admin:\n    image: postgres:16\n    restart: unless-stopped\n",
    },
    {
      // docker compose passes the missing condition as an empty policy name, which the engine runs
      // as "no", and the deploy policy replaces `restart:` (create.go getRestartPolicy).
      code: "services:\n  web:\n    image: nginx:1.27\n    deploy:\n      restart_policy:\n        max_attempts: 3\n  api:\n    image: app:1\n    restart: always\n    deploy:\n      restart_policy:\n        delay: 5s\n",
      errors: [
        { messageId: "noCondition", line: 5, column: 7, endLine: 5, endColumn: 21, data: { service: "web" } },
        { messageId: "noCondition", line: 11, column: 7, endLine: 11, endColumn: 21, data: { service: "api" } },
      ],
    },
    {
      code: "services:\n  db:\n    image: postgres:16\n  web:\n    image: nginx:1.27\n    restart: always\n",
      errors: [{ messageId: "missing", line: 2, column: 3, endLine: 2, endColumn: 5, service: "db" }],
      output: "services:\n  db:\n    image: postgres:16\n    restart: unless-stopped\n  web:\n    image: nginx:1.27\n    restart: always\n",
    },
    {
      code: "services:\n  \"api\":\n    build: .\n",
      errors: [{ messageId: "missing", line: 2, column: 3, endLine: 2, endColumn: 8 }],
      output: "services:\n  \"api\":\n    build: .\n    restart: unless-stopped\n",
    },
    {
      // The policy goes where service-keys-order puts it: after `command`, above the comment over `healthcheck`.
      code: "services:\n  web:\n    image: app:1\n    command: serve\n    # liveness only\n    healthcheck:\n      test: [CMD, /bin/true]\n    labels:\n      - traefik.enable=true\n",
      errors: [{ messageId: "missing", line: 2, column: 3, endLine: 2, endColumn: 6 }],
      output: "services:\n  web:\n    image: app:1\n    command: serve\n    restart: unless-stopped\n    # liveness only\n    healthcheck:\n      test: [CMD, /bin/true]\n    labels:\n      - traefik.enable=true\n",
    },
    {
      // Settings merged from an anchor: the policy may belong with them, the owner's choice; a flow mapping is not edited.
      code: "x-common: &common\n  init: true\nservices:\n  web:\n    <<: *common\n    image: app:1\n  api: {image: app:1}\n",
      errors: [
        { messageId: "missing", line: 4, column: 3, endLine: 4, endColumn: 6 },
        { messageId: "missing", line: 7, column: 3, endLine: 7, endColumn: 6 },
      ],
    },
  ],
});
