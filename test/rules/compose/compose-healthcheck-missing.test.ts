import rule from "../../../rules/compose/compose-healthcheck-missing.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CORPUS, describeWithCorpus } from "../../helpers/corpus.js";
import { ruleTester, runCase } from "../../helpers/rule-tester.js";

const dockerfile = "FROM python:3.12-slim AS base\nCMD [\"python\"]\n\nFROM base AS api\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n\nFROM base AS worker\n\nFROM api AS off\nHEALTHCHECK NONE\n";

ruleTester(rule, {
  valid: [
    // Options without `test`: the test comes from the image (a HEALTHCHECK, or one not known here).
    { code: "services:\n  web:\n    build: .\n    healthcheck:\n      interval: 10s\n  cache:\n    image: example/cache:1\n    healthcheck:\n      retries: 5\n", files: { Dockerfile: "FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\n" } },
    // The build (and its HEALTHCHECK) comes from the service it extends.
    { code: "services:\n  web:\n    build: .\n    restart: always\n  worker:\n    extends: web\n    command: [\"worker\"]\n  beat:\n    extends:\n      service: worker\n", files: { Dockerfile: "FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\n" } },
    // A Compose healthcheck.
    "services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost\"]\n",
    // The build stage has a HEALTHCHECK (cross-file), also inherited from a base stage.
    { code: "services:\n  api:\n    build:\n      context: .\n      target: api\n", files: { Dockerfile: dockerfile } },
    // The Dockerfile exists but was not read: unknown, so silent.
    { code: "services:\n  api:\n    build: ./app\n", tree: ["compose.yaml", "app/Dockerfile"] },
    // An inline Dockerfile with a HEALTHCHECK.
    "services:\n  api:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM nginx:1.27\n        HEALTHCHECK CMD curl -f http://localhost/\n",
    // One-shot jobs: awaited with service_completed_successfully, named as a migration, restart \"no\", a job profile.
    "services:\n  migrate:\n    image: app:1\n    command: alembic upgrade head\n  setup:\n    image: app:1\n    restart: \"no\"\n  loader:\n    image: app:1\n  api:\n    image: app:1\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n    depends_on:\n      loader:\n        condition: service_completed_successfully\n  seed:\n    image: app:1\n    profiles: [tools]\n",
    // A migration command as the last step of the chain.
    "services:\n  app:\n    image: app:1\n    command: sh -c \"sleep 5 && python manage.py migrate\"\n",
    // Inherited through extends, or set in an override file of the same directory.
    "services:\n  base:\n    image: app:1\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n  web:\n    extends: base\n",
    { code: "services:\n  web:\n    image: app:1\n", files: { "compose.override.yaml": "services:\n  web:\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n" } },
    // A shell test whose command is only known at run time.
    "services:\n  web:\n    image: app:1\n    healthcheck:\n      test: ${HEALTH_CMD}\n",
    // `test: []` on an image not built here: Docker takes the image's own test, not known here.
    "services:\n  web:\n    image: app:1\n    healthcheck:\n      test: []\n",
    // Override fragments and scaled-to-zero services.
    "services:\n  web:\n    environment:\n      A: b\n  off:\n    image: app:1\n    scale: 0\n",
  ],
  invalid: [
    {
      // Without `test`, Docker takes the test from the image, and the Dockerfile it builds has none.
      code: "services:\n  web:\n    build: .\n    healthcheck:\n      interval: 10s\n      retries: 5\n",
      files: { Dockerfile: "FROM node:20\nCMD [\"node\", \"server.js\"]\n" },
      errors: [{ messageId: "noTest", line: 4, column: 5, endLine: 4, endColumn: 16, data: { service: "web" } }],
    },
    {
      // Without `test`, the stage's HEALTHCHECK NONE is the test Docker takes: the check is off, not missing.
      code: "services:\n  web:\n    build: .\n    healthcheck:\n      interval: 10s\n",
      files: { Dockerfile: "FROM node:20\nHEALTHCHECK NONE\nCMD [\"node\", \"server.js\"]\n" },
      errors: [{ messageId: "dockerfileDisabled", line: 4, column: 5, endLine: 4, endColumn: 16, data: { service: "web" } }],
    },
    {
      // An image not built here: its own HEALTHCHECK is not known, so the message says "unless".
      code: "services:\n  web:\n    image: nginx:1.27\n    restart: always\n",
      errors: [{ messageId: "image", line: 2, column: 3, endLine: 2, endColumn: 6, service: "web", data: { service: "web", image: "nginx:1.27" } }],
    },
    {
      // `deploy.restart_policy` replaces `restart: "no"` (docker compose's getRestartPolicy): restarted forever, not a job.
      code: "services:\n  web:\n    image: nginx:1.27\n    restart: \"no\"\n    deploy:\n      restart_policy:\n        condition: any\n",
      errors: [{ messageId: "image", line: 2, column: 3, endLine: 2, endColumn: 6, service: "web" }],
    },
    {
      // The build stage has no HEALTHCHECK; the other stage's does not count.
      code: "services:\n  worker:\n    build:\n      context: .\n      target: worker\n    command: celery worker\n",
      files: { Dockerfile: dockerfile },
      errors: [{ messageId: "missing", line: 2, column: 3, endLine: 2, endColumn: 9 }],
    },
    {
      // HEALTHCHECK NONE in the stage.
      code: "services:\n  api:\n    build:\n      context: .\n      target: off\n",
      files: { Dockerfile: dockerfile },
      errors: [{ messageId: "dockerfileDisabled", line: 2, column: 3, endLine: 2, endColumn: 6 }],
    },
    {
      // Explicitly disabled: reported on the switch itself.
      code: "services:\n  a:\n    image: app:1\n    healthcheck:\n      disable: true\n  b:\n    image: app:1\n    healthcheck:\n      test: [\"NONE\"]\n",
      errors: [
        { messageId: "disabled", line: 5, column: 16, endLine: 5, endColumn: 20 },
        { messageId: "disabled", line: 9, column: 13, endLine: 9, endColumn: 21 },
      ],
    },
    {
      // compose-go makes a string test ["CMD-SHELL", test]; the daemon runs `/bin/sh -c ""`, which exits 0: always healthy.
      code: "services:\n  a:\n    image: app:1\n    healthcheck:\n      test: \"\"\n  b:\n    image: app:1\n    healthcheck:\n      test: [\"CMD-SHELL\", \" \"]\n      interval: 5s\n  c:\n    image: app:1\n    healthcheck:\n      test: ${HEALTH_CMD:-}\n",
      errors: [
        { messageId: "emptyTest", line: 5, column: 13, endLine: 5, endColumn: 15, data: { service: "a" } },
        { messageId: "emptyTest", line: 9, column: 27, endLine: 9, endColumn: 30, data: { service: "b" } },
        { messageId: "emptyTest", line: 14, column: 13, endLine: 14, endColumn: 28, data: { service: "c" } },
      ],
    },
    {
      // An empty list is no test: Docker takes the stage's, and the stage has none.
      code: "services:\n  web:\n    build: .\n    healthcheck:\n      test: []\n",
      files: { Dockerfile: "FROM node:20\nCMD [\"node\", \"server.js\"]\n" },
      errors: [{ messageId: "noTest", line: 4, column: 5, endLine: 4, endColumn: 16, data: { service: "web" } }],
    },
    {
      // `restart: "no"` on a service that publishes a port: a server run without restarts, not a job.
      code: "services:\n  api:\n    build: .\n    ports:\n      - '8000:8000'\n    restart: \"no\"\n",
      errors: [{ messageId: "missing", line: 2, column: 3, endLine: 2, endColumn: 6, service: "api" }],
    },
    {
      // `disable` as a string Compose casts to true (a variable's default included).
      code: "services:\n  a:\n    image: app:1\n    healthcheck:\n      disable: \"true\"\n  b:\n    image: app:1\n    healthcheck:\n      disable: ${NO_HEALTHCHECK:-true}\n",
      errors: [
        { messageId: "disabled", line: 5, column: 16, endLine: 5, endColumn: 22 },
        { messageId: "disabled", line: 9, column: 16, endLine: 9, endColumn: 39 },
      ],
    },
    {
      // A migration name does not make a service one-shot when it restarts forever.
      code: "services:\n  migrations-worker:\n    image: app:1\n    restart: unless-stopped\n",
      errors: [{ messageId: "image", line: 2, column: 3, endLine: 2, endColumn: 20 }],
    },
    {
      // The base file is reported, not the override that repeats the service.
      code: "services:\n  web:\n    image: app:1\n",
      files: { "compose.override.yaml": "services:\n  web:\n    image: app:2\n" },
      errors: [{ messageId: "image", line: 2, column: 3, endLine: 2, endColumn: 6 }],
    },
  ],
});

describeWithCorpus("compose-healthcheck-missing on the analyticbot seed project", () => {
  it("reports exactly the services without a healthcheck in Compose or their build stage", () => {
    const root = join(CORPUS, "seed-projects", "analyticbot", "4e4fd87f");
    const read = (path: string) => readFileSync(join(root, path), "utf8");
    const code = read("docker-compose.yml");
    const files = Object.fromEntries(["infra/docker/Dockerfile", "infra/docker/Dockerfile.frontend"].map((p) => [p, read(p)]));
    const found = runCase(rule, { code, filename: "docker-compose.yml", files });
    expect(found.map((f) => f.service).sort()).toEqual(["beat", "bot", "worker"]);
  });
});
