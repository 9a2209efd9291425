import { datastoreBehindPort, datastoreImage, portDatastore, serviceDatastore } from "../../src/engine/datastores.js";
import { bindSource, resolvePath } from "../../src/engine/mounts.js";
import { parseCompose, type ComposeModel, type ComposeService } from "../../src/engine/parse/compose.js";
import { dirname } from "../../src/engine/paths.js";
import { portBinding, readPortBinding } from "../../src/engine/ports.js";
import { buildProject, type Project } from "../../src/engine/project.js";
import { isOverrideFile, isOverrideService, judgedServices, serviceDefines, serviceImage } from "../../src/engine/service-lifecycle.js";

const BASE = `
services:
  web:
    image: nginx:1.25
    ports: ["80:80", "127.0.0.1:8080:8080", "\${HOST:-0.0.0.0}:443:443", "\${P}:9000", {target: 5432, published: "127.0.0.1:5432"}]
    restart: always
  api:
    build: ./api
    ports: ["3000"]
  db:
    image: postgres:16
    logging: {driver: local}
`;
const OVERRIDE = `
services:
  web:
    ports: ["8443:443"]
  api:
    restart: unless-stopped
  extra:
    image: redis
`;
const ELSEWHERE = `
services:
  web:
    image: caddy
    healthcheck: {test: ["CMD", "true"]}
`;

/** The helpers as they were before their per-project memos. */
const reference = {
  isOverrideService(project: Project, model: ComposeModel, service: ComposeService): boolean {
    if (!isOverrideFile(model.path)) return false;
    const dir = dirname(model.path);
    const bases = project.composeFiles.filter((f) => f !== model && !isOverrideFile(f.path));
    const beside = bases.filter((f) => dirname(f.path) === dir);
    return (beside.length ? beside : bases).some((f) => f.services.some((s) => s.name === service.name));
  },
  sameDirDefines(project: Project, model: ComposeModel, service: ComposeService, probe: (d: Record<string, unknown>) => boolean): boolean {
    const dir = dirname(model.path);
    return project.composeFiles.some((o) => o !== model && dirname(o.path) === dir && !!o.services.find((s) => s.name === service.name && probe(s.data)));
  },
};

function projects() {
  const base = parseCompose("app/compose.yaml", BASE);
  const override = parseCompose("app/compose.override.yaml", OVERRIDE);
  const elsewhere = parseCompose("other/compose.yaml", ELSEWHERE);
  return {
    base,
    override,
    elsewhere,
    all: buildProject({ dockerfiles: [], composeFiles: [base, override, elsewhere], dockerignores: [] }),
    // The same override model in a project without its base: a different answer, from a different memo.
    alone: buildProject({ dockerfiles: [], composeFiles: [override, elsewhere], dockerignores: [] }),
  };
}

describe("per-model memos of the Compose helpers", () => {
  it("portBinding gives what the unmemoized reading gives, once per port mapping", () => {
    const { base, override } = projects();
    for (const model of [base, override]) {
      for (const service of model.services) {
        for (const port of service.ports) {
          const first = portBinding(port);
          expect(first).toEqual(readPortBinding(port));
          expect(portBinding(port)).toBe(first);
        }
      }
    }
    // The same port text in another model: its own binding, equal but not shared.
    const again = parseCompose("app/compose.yaml", BASE);
    expect(portBinding(again.services[0].ports[0])).toEqual(portBinding(base.services[0].ports[0]));
    expect(portBinding(again.services[0].ports[0])).not.toBe(portBinding(base.services[0].ports[0]));
  });

  it("isOverrideService, judgedServices, serviceDefines and serviceImage agree with the unmemoized helpers, per project", () => {
    const { base, override, elsewhere, all, alone } = projects();
    const probes = [(d: Record<string, unknown>) => d.restart !== undefined, (d: Record<string, unknown>) => d.healthcheck !== undefined, (d: Record<string, unknown>) => d.logging !== undefined];
    for (const project of [all, alone]) {
      for (const model of project.composeFiles) {
        for (const service of model.services) {
          // Twice: the second answer comes from the memo.
          for (let i = 0; i < 2; i++) {
            expect(isOverrideService(project, model, service)).toBe(reference.isOverrideService(project, model, service));
            for (const probe of probes) {
              const own = probe(service.data);
              expect(serviceDefines(project, model, service, probe)).toBe(own || reference.sameDirDefines(project, model, service, probe));
            }
            expect(serviceImage(project, model, service)).toBe(serviceImage(project, model, service));
          }
        }
        expect(judgedServices(project, model).map((s) => s.name)).toEqual(model.services.filter((s) => !s.partial && !reference.isOverrideService(project, model, s)).map((s) => s.name));
      }
    }
    // Same model, two projects: the override's `web` overrides the base only where the base is.
    const web = override.services.find((s) => s.name === "web")!;
    expect(isOverrideService(all, override, web)).toBe(true);
    expect(isOverrideService(alone, override, web)).toBe(true); // matched with other/compose.yaml, a base elsewhere
    const api = override.services.find((s) => s.name === "api")!;
    expect(isOverrideService(all, override, api)).toBe(true);
    expect(isOverrideService(alone, override, api)).toBe(false);
    expect(serviceImage(all, override, web)).toBe("nginx:1.25");
    expect(serviceImage(alone, override, web)).toBe("caddy");
    expect(serviceImage(all, override, api)).toBeNull();
    expect(serviceImage(all, override, override.services.find((s) => s.name === "extra")!)).toBe("redis");
    expect(serviceImage(all, base, base.services[1])).toBeNull();
    expect(serviceDefines(all, override, api, (d) => d.build !== undefined)).toBe(true);
    expect(serviceDefines(alone, override, api, (d) => d.build !== undefined)).toBe(false);
    expect(serviceDefines(all, base, base.services[0], (d) => d.healthcheck !== undefined)).toBe(false);
    expect(serviceDefines(all, elsewhere, elsewhere.services[0], (d) => d.healthcheck !== undefined)).toBe(true);
  });

  it("bindSource, serviceDatastore and portDatastore agree with the unmemoized helpers, once per mount, service and port", () => {
    const text = `
services:
  db:
    image: \${DB_IMAGE:-postgres:16}
    ports: ["5432:5432", "8080:80", "\${P:-6379}:\${T:-6379}"]
    volumes: ["./data:/var/lib/postgresql/data", "\${HOME}/.ssh:/root/.ssh:ro", "named:/x", {type: bind, source: "\${SRC:-/etc}", target: /y}]
  web:
    image: nginx
    ports: ["80:80", "9200"]
    volumes: ["/var/run/docker.sock:/var/run/docker.sock"]
`;
    const a = parseCompose("compose.yaml", text);
    const b = parseCompose("compose.yaml", text.replace("postgres:16", "alpine:3").replace("image: nginx", "image: redis:7"));
    for (const model of [a, b]) {
      for (const service of model.services) {
        for (let i = 0; i < 2; i++) {
          expect(serviceDatastore(service)).toBe(datastoreImage(service.image));
          for (const port of service.ports) expect(portDatastore(service, port)).toBe(datastoreBehindPort(service.image, port.target));
          for (const v of service.volumes) expect(bindSource(v)).toBe(v.type === "bind" && v.source ? resolvePath(v.source) || null : null);
        }
      }
    }
    // The same service names and ports in another model: that model's own answers.
    expect(a.services.map(serviceDatastore)).toEqual(["postgres", null]);
    expect(b.services.map(serviceDatastore)).toEqual([null, "redis"]);
    expect(b.services[1].ports.map((p) => portDatastore(b.services[1], p))).toEqual(["redis", "Elasticsearch"]);
    expect(a.services[1].ports.map((p) => portDatastore(a.services[1], p))).toEqual([null, "Elasticsearch"]);
  });
});
