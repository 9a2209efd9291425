import rule from "../../../rules/compose/volume-shared-between-services.js";
import { ruleTester } from "../../helpers/rule-tester.js";
import { audit } from "../../../src/engine/index.js";

ruleTester(rule, {
  valid: [
    // Two required variables are two unknown directories, as two variables without default are.
    "services:\n  a:\n    image: example/a:1\n    volumes:\n      - ${DATA:?}/data:/data\n  b:\n    image: example/b:1\n    volumes:\n      - ${DATA2:?}/data:/data\n",
    // Separate subpaths of one named volume are separate directories.
    "services:\n  a:\n    image: example/a:1\n    volumes:\n      - type: volume\n        source: data\n        target: /data\n        volume:\n          subpath: a\n  b:\n    image: example/b:1\n    volumes:\n      - type: volume\n        source: data\n        target: /data\n        volume:\n          subpath: b/\nvolumes:\n  data:\n",
    "services:\n  a:\n    image: example/a:1\n    volumes:\n      - ./logic:/app\n  b:\n    image: example/b:1\n    volumes:\n      - ./bin:/app\n",
    "services:\n  a:\n    image: example/a:1\n    volumes:\n      - /etc/localtime:/etc/localtime\n      - ./conf:/conf:ro\n  b:\n    image: example/b:1\n    volumes:\n      - /etc/localtime:/etc/localtime\n      - ./conf/:/etc/conf:ro\n",
    "services:\n  a:\n    image: example/a:1\n    volumes:\n      - /data\n  b:\n    image: example/b:1\n    volumes:\n      - /data\n",
    // apache/airflow: a colon inside ${…:-…} is not a field separator, so these are two different host paths.
    "services:\n  a:\n    image: example/a:1\n    volumes:\n      - ${PROJ_DIR:-.}/dags:/opt/dags\n  b:\n    image: example/b:1\n    volumes:\n      - ${PROJ_DIR:-.}/logs:/opt/logs\n",
    // immich: two different variables without defaults are two unknown paths, not one shared path.
    "services:\n  server:\n    image: example/server:1\n    volumes:\n      - ${UPLOAD_LOCATION}:/data\n  database:\n    image: postgres:16\n    volumes:\n      - ${DB_DATA_LOCATION}:/var/lib/postgresql/data\n",
    // A list tagged `!override` replaces what `extends` would append.
    "services:\n  app:\n    image: example/a:1\n    volumes:\n      - data:/data\n  tool:\n    extends: app\n    volumes: !override\n      - ./x:/x\nvolumes:\n  data:\n",
  ],
  invalid: [
    {
      // Compose appends a base's mounts to the service that `extends` it (one per target: the
      // service's own mount of a target replaces the base's). Reported once, where the mount is written.
      code: "services:\n  worker:\n    extends: app\n    command: [\"worker\"]\n  app:\n    build: .\n    volumes:\n      - ./src:/app\n      - uploads:/uploads:ro\n  beat:\n    extends:\n      service: worker\n    volumes:\n      - ./other:/app\nvolumes:\n  uploads:\n",
      errors: [{ messageId: "shared", line: 8, column: 9, endLine: 8, endColumn: 14, data: { service: "app", what: "the host path", source: "./src", others: "`worker`", s: "s" } }],
    },
    {
      // The whole volume, or a subpath and a directory inside it, overlap.
      code: "services:\n  a:\n    image: example/a:1\n    volumes:\n      - type: volume\n        source: data\n        target: /data\n        volume:\n          subpath: media\n  b:\n    image: example/b:1\n    volumes:\n      - type: volume\n        source: data\n        target: /thumbs\n        volume:\n          subpath: media/thumbs\n  c:\n    image: example/c:1\n    volumes:\n      - type: volume\n        source: data\n        target: /other\n        volume:\n          subpath: other\n  backup:\n    image: example/backup:1\n    volumes:\n      - data:/backup:ro\nvolumes:\n  data:\n",
      errors: [
        { messageId: "shared", line: 6, column: 17, endLine: 6, endColumn: 21, data: { service: "a", what: "the named volume", source: "data", others: "`b`, `backup`", s: "" } },
        { messageId: "shared", line: 14, column: 17, endLine: 14, endColumn: 21, data: { service: "b", what: "the named volume", source: "data", others: "`a`, `backup`", s: "" } },
        { messageId: "shared", line: 22, column: 17, endLine: 22, endColumn: 21, data: { service: "c", what: "the named volume", source: "data", others: "`backup`", s: "s" } },
      ],
    },
    {
      // The same unknown path written twice is shared.
      code: "services:\n  a:\n    image: example/a:1\n    volumes:\n      - ${DATA_DIR}/uploads:/uploads\n  b:\n    image: example/b:1\n    volumes:\n      - ${DATA_DIR}/uploads/:/srv\n",
      errors: [
        { messageId: "shared", line: 5, column: 9, endLine: 5, endColumn: 28, service: "a" },
        { messageId: "shared", line: 9, column: 9, endLine: 9, endColumn: 29, service: "b" },
      ],
    },
    {
      code: "services:\n  app:\n    build: app\n    volumes:\n      - shared-volume:/app/uploads\n  checker:\n    build: checker\n    volumes:\n      - type: volume\n        source: shared-volume\n        target: /uploads\n        read_only: true\nvolumes:\n  shared-volume:\n",
      errors: [
        { messageId: "shared", line: 5, column: 9, endLine: 5, endColumn: 22, service: "app" },
      ],
    },
    {
      // `read_only: "true"` and `read_only: ${RO:-yes}` are read-only mounts too.
      code: "services:\n  app:\n    build: app\n    volumes:\n      - shared-volume:/app/uploads\n  checker:\n    build: checker\n    volumes:\n      - type: volume\n        source: shared-volume\n        target: /uploads\n        read_only: \"true\"\n  viewer:\n    build: viewer\n    volumes:\n      - type: volume\n        source: shared-volume\n        target: /uploads\n        read_only: ${RO:-yes}\nvolumes:\n  shared-volume:\n",
      errors: [
        { messageId: "shared", line: 5, column: 9, endLine: 5, endColumn: 22, service: "app" },
      ],
    },
    {
      code: "services:\n  frontend:\n    build: frontend\n    volumes:\n        - ./logic:/app\n  backend:\n    build: backend\n    volumes:\n        - \"logic/:/app\"\n",
      errors: [
        { messageId: "shared", line: 5, column: 11, endLine: 5, endColumn: 18, service: "frontend" },
        { messageId: "shared", line: 9, column: 12, endLine: 9, endColumn: 18, service: "backend" },
      ],
    },
    {
      code: "x-app: &app\n  image: example/app:1\n  volumes:\n    - data:/data\nservices:\n  web:\n    <<: *app\n  worker:\n    <<: *app\n",
      errors: [{ messageId: "shared", line: 4, column: 7, endLine: 4, endColumn: 11, service: "web" }],
    },
    {
      // `~` and `$HOME` are the same home directory.
      code: "services:\n  a:\n    image: example/a:1\n    volumes:\n      - ~/shared:/data\n  b:\n    image: example/b:1\n    volumes:\n      - ${HOME}/shared/:/data\n",
      errors: [
        { messageId: "shared", line: 5, column: 9, endLine: 5, endColumn: 17, service: "a" },
        { messageId: "shared", line: 9, column: 9, endLine: 9, endColumn: 24, service: "b" },
      ],
    },
  ],
});

describe("volume-shared-between-services messages", () => {
  it("name the other services that mount the source, three at most, and count the rest", () => {
    const services = ["a", "b", "c", "d", "e"].map((s) => `  ${s}:\n    image: example/${s}:1\n    volumes: [data:/data]\n`).join("");
    const report = audit([{ path: "compose.yaml", content: `services:\n${services}volumes:\n  data:\n` }], [rule]);
    const others = (service: string) => report.findings.find((f) => f.service === service)?.message.match(/which (.*) also mount/)?.[1];
    expect(others("a")).toBe("`b`, `c`, `d` and 1 more");
    expect(others("c")).toBe("`a`, `b`, `d` and 1 more");
    const pair = audit([{ path: "compose.yaml", content: "services:\n  a:\n    image: example/a:1\n    volumes: [data:/data]\n  b:\n    image: example/b:1\n    volumes: [data:/data]\nvolumes:\n  data:\n" }], [rule]);
    expect(pair.findings.map((f) => f.message.match(/which (.*) also mounts?;/)?.[0])).toEqual(["which `b` also mounts;", "which `a` also mounts;"]);
  });
});
