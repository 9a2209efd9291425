import { parsePortString } from "../../src/engine/parse/compose-short-syntax.js";
import { parseCompose } from "../../src/engine/parse/compose.js";

describe("Compose model", () => {
  it("reads short-syntax ports with host IPs, ranges, protocols and IPv6", () => {
    expect(parsePortString("5433:5432")).toMatchObject({ hostIp: null, published: "5433", target: "5432", protocol: "tcp" });
    expect(parsePortString("127.0.0.1:8080:80/udp")).toMatchObject({ hostIp: "127.0.0.1", published: "8080", target: "80", protocol: "udp" });
    expect(parsePortString("[::1]:6379:6379")).toMatchObject({ hostIp: "::1", published: "6379", target: "6379" });
    expect(parsePortString("9000-9005:9000-9005")).toMatchObject({ published: "9000-9005", target: "9000-9005" });
    expect(parsePortString("3000")).toMatchObject({ hostIp: null, published: null, target: "3000" });
    expect(parsePortString("${WEB_PORT:-8000}:8000")).toMatchObject({ published: "8000", target: "8000" });
  });

  it("reads services with build, environment, depends_on, volumes, limits and restart in both syntaxes", () => {
    const m = parseCompose("deploy/compose.yaml", `
services:
  api:
    build: { context: ../api, dockerfile: Dockerfile.prod, target: runtime }
    environment: [A=1, B]
    depends_on: [db]
    volumes: ["./src:/app:ro", "data:/data", "/var/run/docker.sock:/var/run/docker.sock"]
    deploy: { resources: { limits: { memory: 512M, cpus: "0.5" } }, restart_policy: { condition: on-failure } }
  db:
    image: postgres:16
    environment: { POSTGRES_PASSWORD: secret, EMPTY: }
    mem_limit: 1g
    restart: always
    depends_on:
      cache: { condition: service_healthy }
  override-only:
    command: ["true"]
`);
    const [api, db, fragment] = m.services;
    expect(api.build).toEqual({ context: "../api", dockerfile: "Dockerfile.prod", target: "runtime", inline: false });
    expect(api.environment.map((e) => [e.name, e.value])).toEqual([["A", "1"], ["B", null]]);
    expect(api.volumes.map((v) => [v.type, v.source, v.target, v.readOnly])).toEqual([
      ["bind", "./src", "/app", true],
      ["volume", "data", "/data", false],
      ["bind", "/var/run/docker.sock", "/var/run/docker.sock", false],
    ]);
    expect(api.limits).toEqual({ memory: "512M", cpus: "0.5" });
    expect(api.restart).toBe("on-failure");
    expect(db.limits).toEqual({ memory: "1g", cpus: null });
    expect(db.environment.map((e) => [e.name, e.value])).toEqual([["POSTGRES_PASSWORD", "secret"], ["EMPTY", null]]);
    expect(db.dependsOn).toEqual([{ service: "cache", condition: "service_healthy", path: ["services", "db", "depends_on", "cache"] }]);
    expect(fragment.partial).toBe(true);
    expect(api.partial).toBe(false);
  });

  it("reads deploy.restart_policy conditions as the engine policies Compose maps them to", () => {
    const m = parseCompose("compose.yaml", "services:\n  a:\n    image: app:1\n    deploy: { restart_policy: { condition: none } }\n  b:\n    image: app:1\n    deploy: { restart_policy: { condition: any } }\n");
    expect(m.services.map((s) => s.restart)).toEqual(["no", "always"]);
  });

  it("reads deploy.restart_policy in place of restart:, as docker compose does when both are set", () => {
    const m = parseCompose("compose.yaml", `
services:
  both: { image: a, restart: always, deploy: { restart_policy: { condition: none } } }
  nocondition: { image: a, restart: always, deploy: { restart_policy: { max_attempts: 3 } } }
  plain: { image: a, restart: unless-stopped }
`);
    expect(m.services.map((s) => s.restart)).toEqual(["no", "no", "unless-stopped"]);
  });

  it("reads replicas and scale written as numbers, strings or interpolations with a numeric default", () => {
    const m = parseCompose("compose.yaml", `
services:
  number: { image: a, deploy: { replicas: 3 } }
  string: { image: a, deploy: { replicas: "3" } }
  defaulted: { image: a, deploy: { replicas: "\${REPLICAS:-4}" } }
  scaled: { image: a, scale: "\${N:-2}" }
  zero: { image: a, scale: "0" }
  unset: { image: a, deploy: { replicas: "\${REPLICAS}" } }
  word: { image: a, scale: many }
  none: { image: a }
`);
    expect(m.services.map((s) => [s.name, s.replicas])).toEqual([
      ["number", 3],
      ["string", 3],
      ["defaulted", 4],
      ["scaled", 2],
      ["zero", 0],
      ["unset", "unknown"],
      ["word", "unknown"],
      ["none", null],
    ]);
  });

  it("locates values and keys, following merge keys back to the anchor", () => {
    const text = "x-base: &base\n  restart: always\n  image: app:1\nservices:\n  web:\n    <<: *base\n    ports:\n      - \"80:80\"\n";
    const m = parseCompose("compose.yaml", text);
    expect(m.services[0].restart).toBe("always");
    expect(m.locate(["services", "web", "ports", 0])).toEqual({ start: { line: 8, column: 9 }, end: { line: 8, column: 16 } });
    expect(m.locateKey(["services", "web", "ports"])).toEqual({ start: { line: 7, column: 5 }, end: { line: 7, column: 10 } });
    expect(m.locate(["services", "web", "restart"])).toEqual({ start: { line: 2, column: 12 }, end: { line: 2, column: 18 } });
    expect(m.locate(["services", "web", "healthcheck", "test"])).toEqual(m.locate(["services", "web"]));
  });

  it("reports YAML errors and duplicate keys with positions, and refuses alias bombs", () => {
    expect(parseCompose("c.yaml", "services:\n  a: [unclosed\n").problems[0].range).not.toBeNull();
    const dup = parseCompose("c.yaml", "services:\n  a:\n    image: x\n  a:\n    image: y\n");
    expect(dup.problems[0]).toMatchObject({ range: { start: { line: 4 } } });
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(", ")}]`);
    const bomb = parseCompose("c.yaml", `${levels.join("\n")}\nservices: {}\n`);
    expect(bomb.problems.map((p) => p.message).join(" ")).toMatch(/alias/i);
  });

  it("treats a non-mapping document as a problem, not a crash", () => {
    expect(parseCompose("c.yaml", "- a\n- b\n").problems[0].message).toMatch(/mapping/);
    expect(parseCompose("c.yaml", "").services).toEqual([]);
  });
});
