import { isRecord, type ComposeService, type PortMapping } from "../../src/engine/parse/compose.js";
import { interpolate } from "../../src/engine/parse/interpolation.js";
import { portsDiscarded } from "../../src/engine/ports.js";
import type { Range } from "../../src/engine/types.js";
import { oncePerRange } from "../../src/engine/query.js";
import { defineComposeRule } from "../../src/engine/rule.js";
import { canRunTogether, inheritedEntries } from "../../src/engine/service-lifecycle.js";

interface HostPort {
  service: ComposeService;
  port: PortMapping;
  /** The host address, null for any (none written, `0.0.0.0` or `::`). */
  ip: string | null;
  /** The addresses bound: Docker's port allocator keeps IPv4 and IPv6 apart. */
  bind: Bind;
  from: number;
  to: number;
  protocol: string;
  label: string;
}

const BUCKETED = 1000;
const ANY_IP = new Set(["", "0.0.0.0", "::", "[::]"]);

/** `family` null: no address written, which binds both `0.0.0.0` and `::`; `address` null: every address of the family. */
interface Bind {
  family: 4 | 6 | null;
  address: string | null;
}

function bindOf(ip: string | null): Bind {
  const bare = ip?.replace(/^\[(.*)\]$/, "$1").toLowerCase() ?? "";
  if (!bare) return { family: null, address: null };
  return { family: bare.includes(":") ? 6 : 4, address: bare === "0.0.0.0" || bare === "::" ? null : bare };
}

/**
 * Whether two mappings can ask for one socket: moby's port allocator checks an unspecified address
 * (`0.0.0.0`, `::`) against every address of its own family only, and a mapping without an address
 * asks for both.
 */
const overlap = (a: Bind, b: Bind) =>
  a.family === null || b.family === null || (a.family === b.family && (a.address === null || b.address === null || a.address === b.address));

function hostPortOf(service: ComposeService, port: PortMapping): HostPort | null {
  if (!port.published) return null;
  const published = interpolate(port.published).trim();
  const m = /^(\d+)(?:-(\d+))?$/.exec(published);
  if (!m) return null;
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  const ip = port.hostIp ? interpolate(port.hostIp).trim() : null;
  const protocol = interpolate(port.protocol || "tcp").toLowerCase();
  const host = ip && ip.includes(":") && !ip.startsWith("[") ? `[${ip}]` : ip;
  return { service, port, ip: ip && !ANY_IP.has(ip) ? ip : null, bind: bindOf(ip), from, to, protocol, label: `${host ? `${host}:` : ""}${published}/${protocol}` };
}

const clash = (a: HostPort, b: HostPort) => a.protocol === b.protocol && a.from <= b.to && b.from <= a.to && overlap(a.bind, b.bind);

const sameMapping = (a: HostPort, b: HostPort) =>
  a.service === b.service && a.ip === b.ip && a.from === b.from && a.to === b.to && a.protocol === b.protocol && interpolate(a.port.target) === interpolate(b.port.target);

/** Equal exactly when two host ports are `sameMapping`. */
const mappingKey = (hp: HostPort) => [hp.service.name, hp.ip, hp.from, hp.to, hp.protocol, interpolate(hp.port.target)].join("\u0000");

/**
 * Whether each of `replicas` containers can get its own host port: Docker picks a free one from a
 * host range in front of a single container port, but a fixed port or a range mapped port to port
 * is the same for every container.
 */
function fitsReplicas(hp: HostPort, replicas: ComposeService["replicas"]): boolean {
  if (typeof replicas !== "number" || replicas <= 1) return true;
  const oneTarget = /^\d+$/.test(interpolate(hp.port.target).trim());
  return oneTarget && hp.to - hp.from + 1 >= replicas;
}

const isSet = (v: unknown): boolean => v !== undefined && v !== null;

export default defineComposeRule({
  meta: {
    id: "duplicate-host-port",
    code: "DC307",
    category: "reliability",
    severity: "error",
    description: "The same host port (or an overlapping range) is published twice, or by a service with more replicas than host ports.",
    aliases: ["no-duplicate-exported-ports"],
    messages: {
      duplicate: "Host port {{port}} of `{{service}}` is already published by `{{other}}`; the second container fails to start with \"port is already allocated\", so publish a different host port.",
      inherited: "Service `{{service}}` inherits host port {{port}} from `{{base}}` through `extends`, and `{{other}}` publishes it too; the second container fails to start with \"port is already allocated\", so give `{{service}}` its own `ports: !override [...]` or move the port out of the shared base.",
      scaled: "Service `{{service}}` publishes host port {{port}} but runs {{replicas}} containers (`{{key}}`); they cannot all bind it, so all but the first fail with \"port is already allocated\". Publish a host port range at least that wide in front of one container port, or publish only the container port.",
    },
  },
  check({ model, report }) {
    // Published ports by host port number; ranges wider than BUCKETED are compared one by one.
    const byPort = new Map<number, HostPort[]>();
    const wide: HostPort[] = [];
    const recorded = new Set<string>();
    const once = oncePerRange();
    function* candidates(hp: HostPort): Generator<HostPort> {
      yield* wide;
      if (hp.to - hp.from > BUCKETED) for (const list of byPort.values()) yield* list;
      else for (let p = hp.from; p <= hp.to; p++) yield* byPort.get(p) ?? [];
    }
    const firstClash = (hp: HostPort): HostPort | undefined => {
      for (const t of candidates(hp)) if (clash(t, hp) && !sameMapping(t, hp) && canRunTogether(t.service, hp.service)) return t;
      return undefined;
    };
    const record = (hp: HostPort) => {
      // A mapping written again adds nothing to compare with (the copy is `sameMapping`), and a
      // list of thousands of copies would otherwise make each look through all the earlier ones.
      const key = mappingKey(hp);
      if (recorded.has(key)) return;
      recorded.add(key);
      if (hp.to - hp.from > BUCKETED) wide.push(hp);
      else for (let p = hp.from; p <= hp.to; p++) (byPort.get(p) ?? byPort.set(p, []).get(p)!).push(hp);
    };
    const replicasKey = (service: ComposeService) => (isRecord(service.data.deploy) && isSet(service.data.deploy.replicas) ? "deploy.replicas" : "scale");
    /** Reports what a host port of `service` breaks, where `fresh` says a finding at `range` is not one already made. */
    const judge = (service: ComposeService, hp: HostPort, range: Range | null, fresh: (what: "scaled" | "clash") => boolean, base: ComposeService | null) => {
      if (!fitsReplicas(hp, service.replicas) && fresh("scaled")) {
        report({ messageId: "scaled", data: { port: hp.label, service: service.name, replicas: String(service.replicas), key: replicasKey(service) }, range, service: service.name });
      }
      const other = firstClash(hp);
      if (other && fresh("clash")) {
        // The clash is the same whichever of the services the file lists first: its identity is
        // the two host ports, not which service it is reported on (N services on one port: N-1).
        const identity = [hp.label, other.label].sort().join(" / ");
        const data = { port: hp.label, service: service.name, other: other.service.name };
        if (base) report({ messageId: "inherited", data: { ...data, base: base.name }, range, service: service.name, identity });
        else report({ messageId: "duplicate", data, range, service: service.name, identity });
      }
      record(hp);
    };
    for (const service of model.services) {
      if (portsDiscarded(service)) continue;
      for (const port of service.ports) {
        const hp = hostPortOf(service, port);
        if (!hp) continue;
        const range = model.locate(port.path);
        judge(service, hp, range, () => once(range), null);
      }
    }
    // Ports inherited through `extends` are compared once every written one is known, and reported
    // at the `extends:` that brings them in: one `extends:` may bring several ports in, each its own
    // finding; an anchor's, once.
    const reported = new Set<string>();
    for (const service of model.services) {
      if (portsDiscarded(service)) continue;
      for (const { base, entry: port } of inheritedEntries(model, service, "ports", (b) => b.ports)) {
        const hp = hostPortOf(service, port);
        if (!hp) continue;
        const range = model.locateKey([...service.path, "extends"]);
        const at = `${range?.start.line}:${range?.start.column}:${hp.label}`;
        judge(service, hp, range, (what) => !reported.has(`${what} ${at}`) && !!reported.add(`${what} ${at}`), base);
      }
    }
  },
});
