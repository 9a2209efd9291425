import rule from "../../../rules/compose/undefined-reference.js";
import { ruleTester } from "../../helpers/rule-tester.js";

const base = "services:\n  db:\n    image: postgres:16\n";

ruleTester(rule, {
  valid: [
    // Every kind of reference, each defined.
    "services:\n  api:\n    image: app:1\n    networks: [backend]\n    volumes:\n      - data:/var/lib/app\n      - ./conf:/etc/app\n      - /cache\n    secrets: [token]\n    configs:\n      - source: settings\n        target: /etc/app.yml\n    depends_on: [db]\n  db:\n    image: postgres:16\n    network_mode: service:api\nnetworks:\n  backend: {}\nvolumes:\n  data:\nsecrets:\n  token:\n    file: ./token.txt\nconfigs:\n  settings:\n    file: ./settings.yml\n",
    // The implicit default network; names only the environment knows.
    "services:\n  api:\n    image: app:1\n    networks: [default]\n    volumes:\n      - ${DATA_VOLUME:-data}:/data\n    depends_on:\n      - ${DB_HOST:-db}\n",
    // Compose drops a dependency on an unknown service when it is not required.
    "services:\n  api:\n    image: app:1\n    depends_on:\n      cache:\n        condition: service_started\n        required: false\n",
    // Defined in another Compose file of the run (an override merged with this one).
    { code: "services:\n  api:\n    image: app:1\n    networks: [backend]\n    depends_on: [db]\n", files: { "compose.override.yaml": `${base}networks:\n  backend: {}\n` } },
    // Another Compose file exists that the run does not hold: it may define the names.
    { code: "services:\n  api:\n    image: app:1\n    networks: [backend]\n", tree: ["compose.yaml", "compose.prod.yaml"] },
    // Included files define what they define: not read here.
    "include:\n  - ./db/compose.yaml\nservices:\n  api:\n    image: app:1\n    depends_on: [db]\n",
    // A container outside Compose, by its container name.
    "services:\n  api:\n    image: app:1\n    volumes_from:\n      - container:legacy-data\n",
  ],
  invalid: [
    {
      code: "services:\n  api:\n    image: app:1\n    networks:\n      - backnd\n    depends_on:\n      - databse\n  database:\n    image: postgres:16\n    networks:\n      backend:\n        aliases: [db]\nnetworks:\n  backend: {}\n",
      errors: [
        { messageId: "undefined", line: 5, column: 9, endLine: 5, endColumn: 15, service: "api", data: { who: "Service `api` uses", kind: "network", name: "backnd", via: "networks", error: "refers to undefined network backnd", advice: "did you mean `backend`?" } },
        { messageId: "undefined", line: 7, column: 9, endLine: 7, endColumn: 16, service: "api", data: { who: "Service `api` uses", kind: "service", name: "databse", via: "depends_on", error: "depends on undefined service databse", advice: "did you mean `database`?" } },
      ],
    },
    {
      // Named volumes, secrets, configs and build secrets; bind mounts and anonymous volumes are not looked up.
      code: "services:\n  api:\n    build:\n      context: .\n      secrets: [npmrc]\n    volumes:\n      - uploads:/srv/uploads\n      - ./conf:/etc/app\n      - type: volume\n        source: cache\n        target: /cache\n    secrets:\n      - source: db_password\n    configs: [nginx_conf]\n",
      errors: [
        { messageId: "undefined", line: 5, column: 17, endLine: 5, endColumn: 22, service: "api", data: { who: "Service `api` uses", kind: "secret", name: "npmrc", via: "build.secrets", error: "refers to undefined build secret npmrc", advice: "declare it under the top-level `secrets:` with its `file` or `environment`." } },
        { messageId: "undefined", line: 7, column: 9, endLine: 7, endColumn: 29, service: "api", data: { who: "Service `api` uses", kind: "volume", name: "uploads", via: "volumes", error: "refers to undefined volume uploads", advice: "declare it under the top-level `volumes:` (with `external: true` if it is created outside this project)." } },
        { messageId: "undefined", line: 10, column: 17, endLine: 10, endColumn: 22, service: "api", data: { who: "Service `api` uses", kind: "volume", name: "cache", via: "volumes", error: "refers to undefined volume cache", advice: "declare it under the top-level `volumes:` (with `external: true` if it is created outside this project)." } },
        { messageId: "undefined", line: 13, column: 17, endLine: 13, endColumn: 28, service: "api", data: { who: "Service `api` uses", kind: "secret", name: "db_password", via: "secrets", error: "refers to undefined secret db_password", advice: "declare it under the top-level `secrets:` with its `file` or `environment`." } },
        { messageId: "undefined", line: 14, column: 15, endLine: 14, endColumn: 25, service: "api", data: { who: "Service `api` uses", kind: "config", name: "nginx_conf", via: "configs", error: "refers to undefined config nginx_conf", advice: "declare it under the top-level `configs:` with its `file` or `environment`." } },
      ],
    },
    {
      // Links, volumes_from and shared namespaces make a service depend on another.
      code: "services:\n  api:\n    image: app:1\n    links:\n      - cache:redis\n    volumes_from:\n      - files:ro\n    network_mode: service:vpn\n    pid: service:monitor\n",
      errors: [
        { messageId: "undefined", line: 5, column: 9, endLine: 5, endColumn: 20, service: "api", data: { who: "Service `api` uses", kind: "service", name: "cache", via: "links", error: "depends on undefined service cache", advice: "define the service or remove the reference." } },
        { messageId: "undefined", line: 7, column: 9, endLine: 7, endColumn: 17, service: "api", data: { who: "Service `api` uses", kind: "service", name: "files", via: "volumes_from", error: "depends on undefined service files", advice: "define the service or remove the reference." } },
        { messageId: "undefined", line: 8, column: 19, endLine: 8, endColumn: 30, service: "api", data: { who: "Service `api` uses", kind: "service", name: "vpn", via: "network_mode", error: "not found for network_mode 'service:vpn'", advice: "define the service or remove the reference." } },
        { messageId: "undefined", line: 9, column: 10, endLine: 9, endColumn: 25, service: "api", data: { who: "Service `api` uses", kind: "service", name: "monitor", via: "pid", error: "depends on undefined service monitor", advice: "define the service or remove the reference." } },
      ],
    },
    {
      // A mapping of dependencies: the key is reported. One finding per name, naming every service that uses it.
      code: "x-app: &app\n  image: app:1\n  depends_on:\n    redis:\n      condition: service_healthy\nservices:\n  web:\n    <<: *app\n  worker:\n    <<: *app\n",
      errors: [
        { messageId: "undefined", line: 4, column: 5, endLine: 4, endColumn: 10, service: "web", data: { who: "Services `web` and `worker` use", kind: "service", name: "redis", via: "depends_on", error: "depends on undefined service redis", advice: "define the service, remove the dependency, or mark it `required: false`." } },
      ],
    },
    {
      code: "services:\n  api:\n    image: app:1\n    networks: [edge]\n  web:\n    image: web:1\n    networks: [edge]\n  admin:\n    image: admin:1\n    networks: [edge]\n",
      errors: [{ messageId: "undefined", line: 10, column: 16, endLine: 10, endColumn: 20, service: "admin", data: { who: "Services `admin`, `api` and `web` use", kind: "network", name: "edge", via: "networks", error: "refers to undefined network edge", advice: "declare it under the top-level `networks:` (with `external: true` if it is created outside this project)." } }],
    },
    {
      // `extends` without `file:` looks only in its own file, whatever other files define.
      code: "services:\n  api:\n    image: app:1\n  worker:\n    extends: apii\n  beat:\n    extends:\n      service: db\n  cron:\n    extends:\n      file: base.yaml\n      service: anything\n",
      files: { "compose.override.yaml": "services:\n  db:\n    image: postgres:16\n" },
      tree: ["compose.yaml", "compose.override.yaml", "compose.prod.yaml"],
      errors: [
        { messageId: "extends", line: 5, column: 14, endLine: 5, endColumn: 18, service: "worker", data: { who: "Service `worker` sets", name: "apii", error: "cannot extend service …: service \"apii\" not found", advice: "did you mean `api`?" } },
        { messageId: "extends", line: 8, column: 16, endLine: 8, endColumn: 18, service: "beat", data: { who: "Service `beat` sets", name: "db", error: "cannot extend service …: service \"db\" not found", advice: "name a service of this file, or add `file:` for one of another file." } },
      ],
    },
    {
      // The tree is known and holds no other Compose file.
      code: "services:\n  api:\n    image: app:1\n    networks: [front]\n",
      tree: ["compose.yaml", "README.md", "docker/Dockerfile"],
      errors: [{ messageId: "undefined", line: 4, column: 16, endLine: 4, endColumn: 21, service: "api" }],
    },
  ],
});
