import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, parseDocument, type Alias, type Document, type Node, type Pair } from "yaml";
import { isTrueValue, resolvedOrNull } from "../compose-values.js";
import { LineIndex } from "../text.js";
import { isMergeKey, mergeDocuments } from "./compose-documents.js";
import type { Range } from "../types.js";
import { parsePortString, volumeFields, type PortFields } from "./compose-short-syntax.js";

export type YamlPath = readonly (string | number)[];

export interface ComposeProblem {
  message: string;
  range: Range | null;
}

export interface PortMapping extends PortFields {
  path: YamlPath;
  /** The long syntax's `app_protocol` (`http`, `https`, …), null when not given. */
  appProtocol?: string | null;
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
  /** The long syntax's `volume.subpath`: the directory of the named volume that is mounted; absent for the whole volume. */
  subpath?: string | null;
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
  /** `imageTest`: a `healthcheck:` without `test`, whose test Docker takes from the image. */
  healthcheck: { defined: boolean; disabled: boolean; imageTest: boolean };
  restart: string | null;
  limits: { memory: string | null; cpus: string | null };
  /** `deploy.replicas`, else `scale`: "unknown" when set by a variable without a numeric default; null when neither is set. */
  replicas: number | "unknown" | null;
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
  /** How many YAML documents the file holds (Compose merges them in order; see compose-documents.ts). */
  documents: number;
  /** Range of the value at `path`, or of its nearest ancestor that exists in this file. */
  locate(path: YamlPath): Range | null;
  /** Range of the key of the last segment of `path` (the value's range for sequence items). */
  locateKey(path: YamlPath): Range | null;
}

/**
 * yaml's own guard against alias bombs counts alias resolutions (10,000 uses of one anchor trip it);
 * analyse() measures the real expansion instead (BOMB_FACTOR), so this is only a safety net.
 */
const MAX_ALIAS_COUNT = 1_000_000;
/** A document whose aliases expand it past this many times its own size (plus slack) is an alias bomb. */
const BOMB_FACTOR = 10;
const BOMB_SLACK = 100_000;
/** Documents merged from one file: a Compose file holds a few; past this many the file is refused, not read. */
const MAX_DOCUMENTS = 100;
const NOT_A_MAPPING = "A Compose file must be a mapping at the top level";
/** Compose files nest a dozen levels at most; deeper documents are refused before anything walks them. */
export const MAX_YAML_DEPTH = 100;

const YAML_OPTIONS = { merge: true, uniqueKeys: false, prettyErrors: false, strict: false, logLevel: "error" } as const;

export function parseCompose(path: string, text: string): ComposeModel {
  const index = new LineIndex(text);
  // uniqueKeys is checked in analyse(): the library's check compares every key with every other (minutes
  // for a map of 100,000 keys). logLevel "error" keeps its warnings (stringified keys) off stderr.
  // No LineCounter: the library only uses one to prettify errors (prettyErrors: false), and
  // ranges come from the LineIndex.
  const first = parseDocument(text, YAML_OPTIONS);
  // A trailing `---` (an empty second document) is harmless: Compose skips empty documents.
  const all = first.errors.some((e) => e.code === "MULTIPLE_DOCS") ? parseAllDocuments(text, YAML_OPTIONS) : null;
  const several = Array.isArray(all) && all.slice(1).some((d) => d.errors.length || !isEmptyDocument(d));
  const { doc, problems, documents, largestAlias } = several ? readDocuments(all, index) : readDocument(first, index);
  let data: Record<string, unknown> = {};
  if (!problems.length) {
    try {
      const js: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      if (isRecord(js)) data = js;
      else if (js !== null && js !== undefined) problems.push({ message: NOT_A_MAPPING, range: index.range(0, 0) });
    } catch (e) {
      // Alias expansion past the limit (a "billion laughs" file): point at the alias that expands most.
      const bomb = /alias/i.test((e as Error).message) ? largestAlias : null;
      const at = bomb?.range ?? (doc.contents as Node | null)?.range;
      problems.push({ message: yamlMessage((e as Error).message), range: index.range(at?.[0] ?? 0, at?.[1] ?? 0) });
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
    documents,
    locate: (p) => toRange(findNode(doc, p).node?.range),
    locateKey: (p) => {
      const found = findNode(doc, p);
      return toRange((found.exact && found.pair ? (found.pair.key as Node) : found.node)?.range);
    },
  };
  model.services = servicesOf(data);
  return model;
}

interface Read {
  doc: Document;
  problems: ComposeProblem[];
  documents: number;
  /** The alias whose expansion is largest, where an alias bomb goes off. */
  largestAlias: Alias | null;
}

/** One YAML document checked as a whole: its syntax errors, its shape (analyse), and whether rules may walk it. */
function readDocument(doc: Document, index: LineIndex): Read {
  const errors = doc.errors.filter((e) => e.code !== "MULTIPLE_DOCS");
  const problems: ComposeProblem[] = errors
    .filter((e, i) => !/Maximum call stack/i.test(e.message) || !errors.slice(0, i).some((f) => /Maximum call stack/i.test(f.message)))
    .map((e) => ({ message: yamlMessage(e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")), range: errorRange(index, e.pos[0], e.pos[1]) }));
  const shape = errors.length ? null : analyse(doc);
  if (shape) {
    aliasTargets.set(doc, shape.targets);
    resetTagged.set(doc, shape.resetTag);
    // Alias.resolve scans every anchor and alias before it on each call, from toJS too: quadratic
    // for 10,000 aliases (seconds). Each alias answers with its target computed once instead.
    for (const [alias, target] of shape.targets) Object.defineProperty(alias, "resolve", { value: () => target, configurable: true });
    for (const p of shape.problems) problems.push({ message: p.message, range: index.range(p.node.range?.[0] ?? 0, p.node.range?.[1] ?? 0) });
    if (!problems.length && shape.expanded > shape.nodes * BOMB_FACTOR + BOMB_SLACK) {
      const at = shape.largestAlias?.range ?? [0, 0];
      problems.push({ message: yamlMessage("Excessive alias count"), range: index.range(at[0], at[1]) });
      shape.unsafe = true;
    }
  }
  // A document that would loop, explode or overflow whoever walks or converts it is not handed to
  // rules: they see an empty document, and the problems above say why.
  if (shape?.unsafe || errors.some((e) => /Maximum call stack/i.test(e.message))) doc.contents = null;
  return { doc, problems, documents: 1, largestAlias: shape?.largestAlias ?? null };
}

/**
 * A file of several YAML documents: each is read on its own (its anchors are its own), then the
 * non-empty ones are merged in order as Compose merges them, into the first document.
 */
function readDocuments(docs: Document[], index: LineIndex): Read {
  const reads = docs.map((d) => readDocument(d, index));
  const problems = reads.flatMap((r) => r.problems);
  const largestAlias = reads.find((r) => r.largestAlias)?.largestAlias ?? null;
  const filled = docs.filter((d) => !isEmptyDocument(d));
  const doc = filled[0] ?? docs[0] ?? parseDocument("", YAML_OPTIONS);
  if (filled.length > MAX_DOCUMENTS) {
    const at = (filled[MAX_DOCUMENTS].contents as Node).range?.[0] ?? 0;
    problems.push({ message: `the file holds ${filled.length} YAML documents; a Compose file holds a few, so past ${MAX_DOCUMENTS} it is not read`, range: index.range(at, at) });
  }
  if (problems.length || filled.length < 2) return { doc, problems, documents: filled.length, largestAlias };
  for (const d of filled) {
    const root = d.contents as Node;
    if (!isMap(root)) problems.push({ message: NOT_A_MAPPING, range: index.range(root.range?.[0] ?? 0, root.range?.[1] ?? 0) });
  }
  if (problems.length) return { doc, problems, documents: filled.length, largestAlias };
  const targets = new Map<Alias, Node>();
  for (const d of filled) for (const [alias, target] of aliasTargets.get(d) ?? []) targets.set(alias, target);
  const merged = mergeDocuments(filled.map((d) => d.contents as Node), targets);
  for (const c of merged.conflicts) {
    const r = c.node.range ?? [0, 0];
    problems.push({ message: `\`${c.path}\` is a mapping in one document and not in another, so Compose cannot merge the documents`, range: index.range(r[0], r[1]) });
  }
  doc.contents = merged.contents as typeof doc.contents;
  aliasTargets.set(doc, targets);
  resetTagged.set(doc, filled.some((d) => mayHaveResetTags(d)));
  return { doc, problems, documents: filled.length, largestAlias };
}

const isEmptyDocument = (d: Document): boolean => d.contents === null || (isScalar(d.contents) && d.contents.value === null);

/** The yaml library's messages, reworded where they speak to a programmer rather than to the file's author. */
function yamlMessage(message: string): string {
  if (/Maximum call stack/i.test(message)) return "the YAML is nested too deeply to parse";
  if (/Excessive alias count/i.test(message)) return "aliases here expand to an enormous document (an alias bomb), so the file is not read";
  return message;
}

interface Shape {
  problems: { message: string; node: Node }[];
  /** Each alias's anchored node: the nearest anchor of that name before it, as YAML defines. */
  targets: Map<Alias, Node>;
  /** The alias whose expansion is largest (where an alias bomb goes off). */
  largestAlias: Alias | null;
  /** Nodes in the document as written, and once every alias is expanded. */
  nodes: number;
  expanded: number;
  /** True when walking or converting the document would loop, explode or overflow the stack. */
  unsafe: boolean;
  /** True when some node is tagged `!reset`. */
  resetTag: boolean;
}

/**
 * One iterative pass over the document (no recursion, so depth cannot overflow the stack): finds
 * duplicate keys, nesting past MAX_YAML_DEPTH, aliases without an anchor and aliases inside their
 * own anchor (which would make the data cyclic), resolves every alias and measures how large each
 * node becomes once aliases are expanded.
 */
function analyse(doc: Document): Shape {
  const problems: Shape["problems"] = [];
  const targets = new Map<Alias, Node>();
  const anchors = new Map<string, Node>();
  /** Size of each anchored node once aliases are expanded, set when its subtree is done. */
  const size = new Map<Node, number>();
  /** Anchored nodes whose subtree is being walked, each with `expanded` as it was before the node. */
  const open = new Map<Node, number>();
  let largestAlias: Alias | null = null;
  let largest = 0;
  let tooDeep = false;
  let resetTag = false;
  let nodes = 0;
  /** Nodes walked so far, each alias counted as the size of its target. */
  let expanded = 0;
  // Two parallel stacks: a node to visit at a depth, or (depth LEAVE) an anchored node to close.
  const LEAVE = -1;
  const root = doc.contents as Node | null;
  const stackNodes: Node[] = root ? [root] : [];
  const stackDepths: number[] = root ? [1] : [];
  const push = (n: unknown, depth: number) => {
    stackNodes.push(n as Node);
    stackDepths.push(depth);
  };
  while (stackNodes.length) {
    const node = stackNodes.pop()!;
    const depth = stackDepths.pop()!;
    if (depth === LEAVE) {
      size.set(node, expanded - open.get(node)!);
      open.delete(node);
      continue;
    }
    nodes++;
    if (node.tag === "!reset") resetTag = true;
    if (node.anchor) anchors.set(node.anchor, node);
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) problems.push({ message: `the alias *${node.source} has no anchor &${node.source} before it`, node });
      else if (open.has(target)) problems.push({ message: `the alias *${node.source} sits inside its own anchor, so the data would contain itself`, node });
      else {
        targets.set(node, target);
        const expands = size.get(target) ?? 1;
        if (expands > largest) [largest, largestAlias] = [expands, node];
        expanded += expands;
        continue;
      }
      expanded++;
      continue;
    }
    expanded++;
    if (depth > MAX_YAML_DEPTH) {
      if (!tooDeep) problems.push({ message: `the YAML nests more than ${MAX_YAML_DEPTH} levels deep here; no Compose file needs that, so the file is not read`, node });
      tooDeep = true;
      continue;
    }
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (isScalar(pair.key) && typeof pair.key.value === "symbol") {
          const bad = mergeSources(pair.value as Node | null).find((src) => (isAlias(src) ? anchors.has(src.source) && !isMap(anchors.get(src.source)) : !isMap(src)));
          if (bad) problems.push({ message: "`<<` merges only mappings or aliases of mappings", node: bad });
        }
        if (!isScalar(pair.key) || typeof pair.key.value === "symbol") continue;
        const key = pair.key.value;
        if (seen.has(key)) problems.push({ message: "Map keys must be unique", node: pair.key });
        seen.add(key);
      }
    }
    if (node.anchor) {
      open.set(node, expanded - 1);
      push(node, LEAVE);
    }
    // Children in document order (keys and values of a mapping, items of a sequence), pushed last first.
    if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const p = node.items[i];
        if (isRangedNode(p.value)) push(p.value, depth + 1);
        if (isRangedNode(p.key)) push(p.key, depth + 1);
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i] as unknown;
        if (isPair(item)) {
          if (isObject(item.value)) push(item.value, depth + 1);
          if (isObject(item.key)) push(item.key, depth + 1);
        } else if (isObject(item)) push(item, depth + 1);
      }
    }
  }
  const unsafe = problems.some((p) => p.message !== "Map keys must be unique");
  // A document that is one alias has no size of its own: it counts as the one node it is.
  return { problems, targets, largestAlias, nodes, expanded: !root ? 0 : isAlias(root) ? nodes : expanded, unsafe, resetTag };
}

function mergeSources(value: Node | null): Node[] {
  if (!value) return [];
  return isSeq(value) ? (value.items as Node[]) : [value];
}

const isObject = (n: unknown): n is Node => !!n && typeof n === "object";
const isRangedNode = (n: unknown): n is Node => isObject(n) && "range" in n;

/** Alias resolutions computed by analyse(); `Alias.resolve` walks the whole document on every call. */
const aliasTargets = new WeakMap<Document, Map<Alias, Node>>();

/** Whether analyse() met a node tagged `!reset` in a document parseCompose read. */
const resetTagged = new WeakMap<Document, boolean>();

/**
 * False when no node of `doc` (a document parseCompose read and found well-formed) is tagged
 * `!reset`; true when one is, or when the document was not walked (so callers look for themselves).
 */
export function mayHaveResetTags(doc: Document): boolean {
  return resetTagged.get(doc) ?? true;
}

/**
 * The range of a yaml error. The library puts an error about something left open (a quote, a flow
 * collection) at the end of the file: after a final line break that is a line the file does not
 * have (nor GitHub's diff), so such a position is the end of the last line instead.
 */
function errorRange(index: LineIndex, start: number, end: number): Range {
  const text = index.text;
  const last = text.endsWith("\r\n") ? text.length - 2 : text.endsWith("\n") ? text.length - 1 : text.length;
  return index.range(Math.min(start, last), Math.min(end, last));
}

/** Where findNode stopped: the node it reached, the pair holding it (null for a sequence item), and whether it got to the end of the path. */
interface Found {
  node: Node | null;
  pair: Pair | null;
  exact: boolean;
}

function findNode(doc: Document, path: YamlPath): Found {
  const found: Found = { node: doc.contents as Node | null, pair: null, exact: true };
  const targets = aliasTargets.get(doc);
  for (let i = 0; i < path.length; i++) {
    if (!child(doc, targets, found.node, path[i], found, 0)) {
      found.pair = null;
      found.exact = false;
      return found;
    }
  }
  return found;
}

/** Moves `found` to the child `seg` of `node` (through aliases and merge keys); false, leaving `found` as it was, when there is none. */
function child(doc: Document, targets: Map<Alias, Node> | undefined, node: Node | null, seg: string | number, found: Found, depth: number): boolean {
  if (depth > 50) return false;
  const resolved = deref(doc, targets, node);
  if (isSeq(resolved) && typeof seg === "number") {
    const item = resolved.items[seg] as Node | undefined;
    if (!item) return false;
    found.node = item;
    found.pair = null;
    return true;
  }
  if (!isMap(resolved)) return false;
  const direct = keyIndex(resolved).get(typeof seg === "string" ? seg : String(seg));
  if (direct) {
    found.node = direct.value as Node;
    found.pair = direct;
    return true;
  }
  for (const pair of resolved.items) {
    if (isMergeKey(pair)) {
      const sources = isSeq(pair.value) ? (pair.value.items as Node[]) : [pair.value as Node];
      for (const source of sources) {
        if (child(doc, targets, source, seg, found, depth + 1)) return true;
      }
    }
  }
  return false;
}

const keyIndexes = new WeakMap<object, { size: number; pairs: Map<string, Pair> }>();

/**
 * A mapping's pairs by key, built once per mapping: locate() runs for every finding, and a linear
 * scan of 2,000 services per call made large files quadratic. Keys are matched as toJS names them
 * (a service `1:` or `null:` is "1" or ""), the first pair with a value winning.
 */
function keyIndex(map: { items: Pair[] }): Map<string, Pair> {
  const cached = keyIndexes.get(map);
  if (cached && cached.size === map.items.length) return cached.pairs;
  const pairs = new Map<string, Pair>();
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? pair.key.value : pair.key;
    if (!pair.value || typeof key === "symbol" || (key !== null && typeof key === "object")) continue;
    const name = key === null || key === undefined ? "" : String(key);
    if (!pairs.has(name)) pairs.set(name, pair);
  }
  keyIndexes.set(map, { size: map.items.length, pairs });
  return pairs;
}

/** The node at `path` through aliases and merge keys, where it is written (aliases resolved); null when there is none. */
export function nodeAt(model: ComposeModel, path: YamlPath): Node | null {
  const found = findNode(model.doc, path);
  return found.exact ? deref(model.doc, aliasTargets.get(model.doc), found.node) : null;
}

function deref(doc: Document, targets: Map<Alias, Node> | undefined, node: Node | null): Node | null {
  if (!node || !isAlias(node)) return node;
  for (let depth = 0; node && isAlias(node) && depth < 50; depth++) node = (targets ? targets.get(node) : (node.resolve(doc) as Node | undefined)) ?? null;
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
  // docker compose runs `deploy.restart_policy` in place of `restart:` when both are set.
  const restartPolicy = isRecord(deploy.restart_policy) ? engineRestart(str(deploy.restart_policy.condition) ?? "") : null;
  return {
    name,
    path,
    data: s,
    image: str(s.image),
    build: buildOf(s.build),
    partial: s.image === undefined && s.build === undefined && s.extends === undefined,
    user: str(s.user),
    healthcheck: healthcheckOf(s),
    restart: restartPolicy ?? str(s.restart),
    limits: { memory: str(limits.memory) ?? str(s.mem_limit), cpus: str(limits.cpus) ?? str(s.cpus) },
    replicas: isSet(deploy.replicas) ? countOf(deploy.replicas) : isSet(s.scale) ? countOf(s.scale) : null,
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

const isSet = (v: unknown): boolean => v !== undefined && v !== null;

/**
 * Compose runs `deploy.restart_policy.condition: none` as the engine's `no`, and `any` as `always`;
 * a policy without a condition has an empty name, which the engine runs as `no`.
 */
const engineRestart = (condition: string): string => (condition === "none" || condition === "" ? "no" : condition === "any" ? "always" : condition);

/**
 * Whether a service mapping defines a healthcheck, whether it switches the image's off (`disable: true`,
 * `test: [NONE]`), and whether it sets only options: without `test` (or with an empty list) Docker
 * takes the test from the image (moby daemon/commit.go `merge`), so that is no check of its own.
 */
export function healthcheckOf(s: Record<string, unknown>): { defined: boolean; disabled: boolean; imageTest: boolean } {
  const hc = isRecord(s.healthcheck) ? s.healthcheck : null;
  const disabled = isTrueValue(hc?.disable) || (Array.isArray(hc?.test) && hc.test[0] === "NONE");
  const imageTest = hc !== null && !disabled && (hc.test === undefined || hc.test === null || (Array.isArray(hc.test) && !hc.test.length));
  return { defined: hc !== null && !disabled && !imageTest, disabled, imageTest };
}

/** A count written as a number, a numeric string or an interpolation with a numeric default (`${REPLICAS:-3}`). */
function countOf(v: unknown): number | "unknown" {
  if (typeof v === "number") return v;
  const text = typeof v === "string" ? resolvedOrNull(v)?.trim() : undefined;
  return text && /^\d+$/.test(text) ? Number(text) : "unknown";
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
        appProtocol: str(entry.app_protocol),
        path: p,
      });
    } else if (entry !== null && entry !== undefined) {
      out.push({ ...parsePortString(String(entry)), path: p });
    }
  });
  return out;
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

/** The variables of an `environment` mapping or `KEY=value` list at `path`. */
export function environmentOf(v: unknown, path: YamlPath): EnvVar[] {
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
      const volume = isRecord(entry.volume) ? entry.volume : {};
      return {
        type: str(entry.type) ?? "volume",
        source: str(entry.source),
        target: str(entry.target) ?? "",
        readOnly: isTrueValue(entry.read_only),
        propagation: str(bind.propagation),
        subpath: str(volume.subpath),
        path: p,
      };
    }
    const parts = volumeFields(String(entry));
    if (parts.length === 1) return { type: "volume", source: null, target: parts[0], readOnly: false, propagation: null, path: p };
    const [source, target, mode = ""] = parts;
    const modes = mode.split(",");
    const isPath = /^[./~]|^\$/.test(source) || source.includes("/") || /^[A-Za-z]:\\/.test(source);
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
