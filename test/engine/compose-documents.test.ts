import { parseCompose } from "../../src/engine/parse/compose.js";

const parse = (...documents: string[]) => parseCompose("compose.yaml", documents.join("---\n"));
const service = (documents: string[], name = "web") => {
  const m = parse(...documents);
  expect(m.problems).toEqual([]);
  return (m.data.services as Record<string, Record<string, unknown>>)[name];
};

describe("Compose documents", () => {
  it("accepts a trailing document separator (an empty second document), as Compose does", () => {
    const m = parseCompose("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n---\n");
    expect(m.problems).toEqual([]);
    expect(m.services.map((s) => s.name)).toEqual(["web"]);
    expect(m.documents).toBe(1);
    expect(parseCompose("compose.yaml", "services: {}\n---\n# nothing else\n").problems).toEqual([]);
  });

  it("merges the documents of one file in order, as Compose does, adding services and keys", () => {
    const m = parse("services:\n  web:\n    image: nginx:1.27\n", "services:\n  web:\n    mem_limit: 512m\n  db:\n    image: postgres:16\n", "name: shop\n");
    expect(m.problems).toEqual([]);
    expect(m.documents).toBe(3);
    expect(m.data).toEqual({ services: { web: { image: "nginx:1.27", mem_limit: "512m" }, db: { image: "postgres:16" } }, name: "shop" });
    expect(m.services.map((s) => [s.name, s.limits.memory])).toEqual([["web", "512m"], ["db", null]]);
  });

  it("points each value into the document that set it", () => {
    const m = parse("services:\n  web:\n    image: nginx:1.26\n    restart: always\n", "services:\n  web:\n    image: nginx:1.27\n");
    expect(m.locate(["services", "web", "image"])).toEqual({ start: { line: 8, column: 12 }, end: { line: 8, column: 22 } });
    expect(m.locate(["services", "web", "restart"])?.start.line).toBe(4);
    expect(m.locateKey(["services", "web", "image"])?.start).toEqual({ line: 8, column: 5 });
    expect(m.locate(["services", "web"])?.start.line).toBe(3);
  });

  it("replaces command, entrypoint and healthcheck.test instead of appending to them", () => {
    const web = service([
      "services:\n  web:\n    command: [a, b]\n    entrypoint: [sh]\n    healthcheck:\n      test: [CMD, x]\n      interval: 5s\n",
      "services:\n  web:\n    command: [c]\n    entrypoint: [bash]\n    healthcheck:\n      test: [CMD, y]\n",
    ]);
    expect(web).toEqual({ command: ["c"], entrypoint: ["bash"], healthcheck: { test: ["CMD", "y"], interval: "5s" } });
  });

  it("appends other lists, and keeps ports, volumes, secrets and configs unique by their key", () => {
    const web = service([
      'services:\n  web:\n    dns: [1.1.1.1]\n    ports: ["80:80", "443:443"]\n    volumes: ["data:/data", "./conf:/etc/app:ro"]\n    secrets: [a]\n',
      'services:\n  web:\n    dns: 8.8.8.8\n    ports: ["8080:80", "443:443"]\n    volumes: ["other:/data"]\n    secrets: [a, b]\n',
    ]);
    expect(web).toEqual({
      dns: ["1.1.1.1", "8.8.8.8"],
      ports: ["80:80", "443:443", "8080:80"],
      volumes: ["other:/data", "./conf:/etc/app:ro"],
      secrets: ["a", "b"],
    });
  });

  it("merges environment and labels written as a list in one document and a mapping in another", () => {
    const m = parse("services:\n  web:\n    environment:\n      - A=1\n      - B=2\n", "services:\n  web:\n    environment:\n      B: 3\n      C:\n");
    expect(m.problems).toEqual([]);
    expect(m.services[0].environment.map((e) => [e.name, e.value])).toEqual([["A", "1"], ["B", "3"], ["C", null]]);
    expect(m.locate(["services", "web", "environment", "A"])?.start.line).toBe(4);
  });

  it("merges depends_on and networks across list and mapping forms without listing a name twice", () => {
    const web = service([
      "services:\n  web:\n    depends_on: [db, cache]\n    networks: [front]\n",
      "services:\n  web:\n    depends_on:\n      db:\n        condition: service_healthy\n    networks: [front, back]\n",
    ]);
    expect(web).toEqual({ depends_on: { db: { condition: "service_healthy" }, cache: null }, networks: ["front", "back"] });
  });

  it("merges logging options only when both documents name the same driver", () => {
    const same = service([
      "services:\n  web:\n    logging:\n      driver: json-file\n      options: {max-size: 10m}\n",
      "services:\n  web:\n    logging:\n      options: {max-file: '3'}\n",
    ]);
    expect(same.logging).toEqual({ driver: "json-file", options: { "max-size": "10m", "max-file": "3" } });
    const other = service([
      "services:\n  web:\n    logging:\n      driver: json-file\n      options: {max-size: 10m}\n",
      "services:\n  web:\n    logging:\n      driver: syslog\n",
    ]);
    expect(other.logging).toEqual({ driver: "syslog" });
  });

  it("reads `build: dir` as a build context when the next document adds build settings", () => {
    const web = service(["services:\n  web:\n    build: ./app\n", "services:\n  web:\n    build:\n      target: prod\n"]);
    expect(web.build).toEqual({ context: "./app", target: "prod" });
  });

  it("drops a setting a later document resets, and replaces one it tags !override", () => {
    const web = service([
      "services:\n  web:\n    image: nginx:1.27\n    ports: ['80:80']\n    volumes: ['a:/a']\n",
      "services:\n  web:\n    ports: !reset []\n    volumes: !override ['b:/b']\n",
    ]);
    expect(web).toEqual({ image: "nginx:1.27", volumes: ["b:/b"] });
  });

  it("resolves each document's anchors and merge keys in that document, and leaves the anchors unchanged", () => {
    const m = parse(
      "x-base: &base\n  restart: always\n  mem_limit: 256m\nservices:\n  web:\n    <<: *base\n    image: nginx:1.27\n  api:\n    <<: *base\n    image: node:22\n",
      "x-limits: &limits\n  mem_limit: 1g\nservices:\n  web:\n    <<: *limits\n",
    );
    expect(m.problems).toEqual([]);
    const services = m.data.services as Record<string, Record<string, unknown>>;
    expect(services.web).toEqual({ restart: "always", mem_limit: "1g", image: "nginx:1.27" });
    expect(services.api).toEqual({ restart: "always", mem_limit: "256m", image: "node:22" });
    expect(m.locate(["services", "web", "mem_limit"])?.start.line).toBe(13);
  });

  it("says where a later document puts something other than a mapping where a mapping was", () => {
    const m = parse("services:\n  web:\n    image: nginx:1.27\n", "services:\n  web: nginx\n");
    expect(m.problems.map((p) => [p.message, p.range?.start.line])).toEqual([
      ["`services.web` is a mapping in one document and not in another, so Compose cannot merge the documents", 6],
    ]);
    expect(m.data).toEqual({});
  });

  it("reports a document that is not a mapping, and the syntax errors of any document, at their lines", () => {
    expect(parse("services: {}\n", "- a\n- b\n").problems.map((p) => [p.message, p.range?.start.line])).toEqual([
      ["A Compose file must be a mapping at the top level", 3],
    ]);
    const broken = parse("services: {}\n", "services:\n  web: [\n");
    expect(broken.problems.length).toBeGreaterThan(0);
    expect(broken.problems.every((p) => (p.range?.start.line ?? 0) >= 3)).toBe(true);
  });
});
