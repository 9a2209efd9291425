import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, parseDocument, type Document, type Node, type Pair } from "yaml";
import { LineIndex } from "../text.js";
import type { Range } from "../types.js";
import { interpolate } from "./interpolation.js";

export type YamlPath = readonly (string | number)[];

export interface ComposeProblem {
  message: string;
  range: Range | null;
}

export interface PortMapping {
  raw: string;
  hostIp: string | null;
  /** Host port or range, null when only the container port is given (Docker picks one). */
  published: string | null;
  target: string;
  protocol: string;
  path: YamlPath;
}

export interface EnvVar {
  name: string;
  /** null when the variable is passed through from the host (`- KEY` or `KEY:` with no value). */
  value: string | null;
  path: YamlPath;
}

export interface DependsOn {
  service: string;
  condition: string | null;
  path: YamlPath;
}

export interface VolumeMount {
  type: string;
  source: string | null;
  target: string;
  readOnly: boolean;
  propagation: string | null;
  path: YamlPath;
}

export interface BuildSpec {
  context: string;
  dockerfile: string;
  target: string | null;
  inline: boolean;
}

export interface ComposeService {
  name: string;
  path: YamlPath;
  data: Record<string, unknown>;
  image: string | null;
  build: BuildSpec | null;
  /** A service with neither image, build nor extends: an override fragment merged into another file. */
  partial: boolean;
  user: string | null;
  healthcheck: { defined: boolean; disabled: boolean };
  restart: string | null;
  limits: { memory: string | null; cpus: string | null };
  replicas: number | null;
  ports: PortMapping[];
  networks: string[];
  networkMode: string | null;
  dependsOn: DependsOn[];
  environment: EnvVar[];
  volumes: VolumeMount[];
  command: string | null;
  entrypoint: string | null;
  profiles: string[];
}

export interface ComposeModel {
  kind: "compose";
  path: string;
  text: string;
  index: LineIndex;
  doc: Document;
  data: Record<string, unknown>;
  services: ComposeService[];
  problems: ComposeProblem[];
  /** Range of the value at `path`, or of its nearest ancestor that exists in this file. */
  locate(path: YamlPath): Range | null;
  /** Range of the key of the last segment of `path` (the value's range for sequence items). */
  locateKey(path: YamlPath): Range | null;
}

/** Real files use hundreds of aliases; exponential alias expansion still exceeds this quickly. */
const MAX_ALIAS_COUNT = 10_000;

export function parseCompose(path: string, text: string): ComposeModel {
  const lineCounter = new LineCounter();
  const index = new LineIndex(text);
  const doc = parseDocument(text, { lineCounter, merge: true, uniqueKeys: true, prettyErrors: false, strict: false });
  // A trailing `---` (an empty second document) is harmless: Compose skips empty documents.
  const errors = doc.errors.filter((e) => e.code !== "MULTIPLE_DOCS" || !onlyEmptyDocumentsFollow(text));
  const problems: ComposeProblem[] = errors.map((e) => ({ message: e.message.split("\n")[0], range: index.range(e.pos[0], e.pos[1]) }));
  let data: Record<string, unknown> = {};
  if (!problems.length) {
    try {
      const js: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      if (isRecord(js)) data = js;
      else if (js !== null && js !== undefined) problems.push({ message: "A Compose file must be a mapping at the top level", range: index.range(0, 0) });
    } catch (e) {
      problems.push({ message: (e as Error).message, range: null });
    }
  }
  const toRange = (r: [number, number, number] | undefined | null): Range | null => {
    if (!r) return null;
    let end = r[1];
    while (end > r[0] && /\s/.test(text[end - 1])) end--;
    return index.range(r[0], end);
  };
  const model: ComposeModel = {
    kind: "compose",
    path,
    text,
    index,
    doc,
    data,
    services: [],
    problems,
    locate: (p) => toRange(findNode(doc, p).node?.range),
    locateKey: (p) => {
      const found = findNode(doc, p);
      return toRange((found.exact && found.pair ? (found.pair.key as Node) : found.node)?.range);
    },
  };
  model.services = servicesOf(data);
  return model;
}

function onlyEmptyDocumentsFollow(text: string): boolean {
  const docs = parseAllDocuments(text);
  return Array.isArray(docs) && docs.slice(1).every((d) => !d.errors.length && (d.contents === null || (isScalar(d.contents) && d.contents.value === null)));
}

function findNode(doc: Document, path: YamlPath): { node: Node | null; pair: Pair | null; exact: boolean } {
  let node = doc.contents as Node | null;
  let pair: Pair | null = null;
  for (let i = 0; i < path.length; i++) {
    const next = child(doc, node, path[i]);
    if (!next) return { node, pair: null, exact: false };
    node = next.node;
    pair = next.pair;
  }
  return { node, pair, exact: true };
}

function child(doc: Document, node: Node | null, seg: string | number): { node: Node; pair: Pair | null } | null {
  const resolved = deref(doc, node);
  if (isSeq(resolved) && typeof seg === "number") {
    const item = resolved.items[seg] as Node | undefined;
    return item ? { node: item, pair: null } : null;
  }
  if (!isMap(resolved)) return null;
  for (const pair of resolved.items) {
    const key = isScalar(pair.key) ? pair.key.value : pair.key;
    if (key === seg && pair.value) return { node: pair.value as Node, pair };
  }
  for (const pair of resolved.items) {
    // With `merge: true` the yaml library gives a merge key the value Symbol(<<), not the string.
    if (isScalar(pair.key) && (pair.key.value === "<<" || (typeof pair.key.value === "symbol" && pair.key.value.description === "<<"))) {
      const sources = isSeq(pair.value) ? (pair.value.items as Node[]) : [pair.value as Node];
      for (const source of sources) {
        const found = child(doc, source, seg);
        if (found) return found;
      }
    }
  }
  return null;
}

function deref(doc: Document, node: Node | null): Node | null {
  for (let depth = 0; node && isAlias(node) && depth < 50; depth++) node = (node.resolve(doc) as Node | undefined) ?? null;
  return node;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === "object" ? null : String(v));

function servicesOf(data: Record<string, unknown>): ComposeService[] {
  const services = data.services;
  if (!isRecord(services)) return [];
  return Object.entries(services)
    .filter(([, v]) => isRecord(v) || v === null)
    .map(([name, v]) => serviceOf(name, (v ?? {}) as Record<string, unknown>));
}

function serviceOf(name: string, s: Record<string, unknown>): ComposeService {
  const path = ["services", name];
  const deploy = isRecord(s.deploy) ? s.deploy : {};
  const limits = isRecord(deploy.resources) && isRecord(deploy.resources.limits) ? deploy.resources.limits : {};
  const restartPolicy = isRecord(deploy.restart_policy) ? str(deploy.restart_policy.condition) ?? "on-failure" : null;
  const hc = isRecord(s.healthcheck) ? s.healthcheck : null;
  const hcTest = hc?.test;
  const disabled = hc?.disable === true || (Array.isArray(hcTest) && hcTest[0] === "NONE");
  return {
    name,
    path,
    data: s,
    image: str(s.image),
    build: buildOf(s.build),
    partial: s.image === undefined && s.build === undefined && s.extends === undefined,
    user: str(s.user),
    healthcheck: { defined: hc !== null && !disabled, disabled },
    restart: str(s.restart) ?? restartPolicy,
    limits: { memory: str(limits.memory) ?? str(s.mem_limit), cpus: str(limits.cpus) ?? str(s.cpus) },
    replicas: typeof deploy.replicas === "number" ? deploy.replicas : s.scale !== undefined ? Number(s.scale) : null,
    ports: portsOf(s.ports, [...path, "ports"]),
    networks: Array.isArray(s.networks) ? s.networks.map(String) : isRecord(s.networks) ? Object.keys(s.networks) : [],
    networkMode: str(s.network_mode),
    dependsOn: dependsOf(s.depends_on, [...path, "depends_on"]),
    environment: environmentOf(s.environment, [...path, "environment"]),
    volumes: volumesOf(s.volumes, [...path, "volumes"]),
    command: commandOf(s.command),
    entrypoint: commandOf(s.entrypoint),
    profiles: Array.isArray(s.profiles) ? s.profiles.map(String) : [],
  };
}

function commandOf(v: unknown): string | null {
  if (Array.isArray(v)) return v.map(String).join(" ");
  return str(v);
}

function buildOf(v: unknown): BuildSpec | null {
  if (typeof v === "string") return { context: v, dockerfile: "Dockerfile", target: null, inline: false };
  if (!isRecord(v)) return null;
  return {
    context: str(v.context) ?? ".",
    dockerfile: str(v.dockerfile) ?? "Dockerfile",
    target: str(v.target),
    inline: typeof v.dockerfile_inline === "string",
  };
}

function portsOf(v: unknown, path: YamlPath): PortMapping[] {
  if (!Array.isArray(v)) return [];
  const out: PortMapping[] = [];
  v.forEach((entry, i) => {
    const p = [...path, i];
    if (isRecord(entry)) {
      out.push({
        raw: JSON.stringify(entry),
        hostIp: str(entry.host_ip),
        published: str(entry.published),
        target: str(entry.target) ?? "",
        protocol: str(entry.protocol) ?? "tcp",
        path: p,
      });
    } else if (entry !== null && entry !== undefined) {
      out.push({ ...parsePortString(String(entry)), path: p });
    }
  });
  return out;
}

/** Short syntax: `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`, IPv6 host in brackets. */
export function parsePortString(raw: string): Omit<PortMapping, "path"> {
  const resolved = interpolate(raw);
  const [spec, protocol = "tcp"] = resolved.split("/");
  let hostIp: string | null = null;
  let rest = spec;
  const v6 = /^\[([^\]]*)\]:(.*)$/.exec(spec);
  if (v6) {
    hostIp = v6[1];
    rest = v6[2];
  }
  const parts = rest.split(":");
  if (!v6 && parts.length >= 3) hostIp = parts.slice(0, parts.length - 2).join(":");
  const target = parts[parts.length - 1];
  const published = parts.length >= 2 ? parts[parts.length - 2] || null : null;
  return { raw, hostIp: hostIp || null, published, target, protocol };
}

function dependsOf(v: unknown, path: YamlPath): DependsOn[] {
  if (Array.isArray(v)) return v.map((name, i) => ({ service: String(name), condition: null, path: [...path, i] }));
  if (!isRecord(v)) return [];
  return Object.entries(v).map(([service, spec]) => ({
    service,
    condition: isRecord(spec) ? str(spec.condition) : null,
    path: [...path, service],
  }));
}

function environmentOf(v: unknown, path: YamlPath): EnvVar[] {
  if (Array.isArray(v)) {
    return v.map((entry, i) => {
      const text = String(entry);
      const eq = text.indexOf("=");
      return eq < 0
        ? { name: text, value: null, path: [...path, i] }
        : { name: text.slice(0, eq), value: text.slice(eq + 1), path: [...path, i] };
    });
  }
  if (!isRecord(v)) return [];
  return Object.entries(v).map(([name, value]) => ({ name, value: str(value), path: [...path, name] }));
}

function volumesOf(v: unknown, path: YamlPath): VolumeMount[] {
  if (!Array.isArray(v)) return [];
  return v.map((entry, i): VolumeMount => {
    const p = [...path, i];
    if (isRecord(entry)) {
      const bind = isRecord(entry.bind) ? entry.bind : {};
      return {
        type: str(entry.type) ?? "volume",
        source: str(entry.source),
        target: str(entry.target) ?? "",
        readOnly: entry.read_only === true,
        propagation: str(bind.propagation),
        path: p,
      };
    }
    const parts = String(entry).split(":");
    if (parts.length === 1) return { type: "volume", source: null, target: parts[0], readOnly: false, propagation: null, path: p };
    const [source, target, mode = ""] = parts;
    const modes = mode.split(",");
    const isPath = /^[./~]|^\$/.test(source) || source.includes("/");
    return {
      type: isPath ? "bind" : "volume",
      source,
      target,
      readOnly: modes.includes("ro"),
      propagation: modes.find((m) => /^r?(shared|slave|private)$/.test(m)) ?? null,
      path: p,
    };
  });
}
