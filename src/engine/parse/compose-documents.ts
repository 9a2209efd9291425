import { isAlias, isMap, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq, type Alias, type Node } from "yaml";
import { parsePortString, volumeFields } from "./compose-short-syntax.js";

/** Where the documents disagree in a way Compose refuses to merge: a mapping against a scalar or a sequence. */
export interface MergeConflict {
  path: string;
  node: Node;
}

type Value = Node | null;
type Merger = (base: Node, over: Node, path: string[], ctx: Context) => Value | typeof RESET;

interface Context {
  targets: ReadonlyMap<Alias, Node>;
  conflicts: MergeConflict[];
  /**
   * Mappings and sequences this merge made, each mapping with its keys' places. Only these are
   * changed in place when a later document adds to them: copying them anew for each document
   * made a file of many documents quadratic.
   */
  made: WeakMap<YAMLMap, Map<string, number>>;
  appendable: WeakSet<YAMLSeq>;
}

/** A value tagged `!reset` removes the setting it overrides. */
const RESET = Symbol("reset");

/**
 * The documents of one Compose file merged into one tree, as Compose merges them (compose-go since
 * 2023; the merge rules of the Compose specification, as for `-f a.yaml -f b.yaml`). The documents'
 * own nodes keep their places in the text, so a finding points into whichever document set the
 * value; merged mappings and sequences are new nodes, and no node of a document is changed.
 */
export function mergeDocuments(roots: readonly Node[], targets: ReadonlyMap<Alias, Node>): { contents: Node; conflicts: MergeConflict[] } {
  const ctx: Context = { targets, conflicts: [], made: new WeakMap(), appendable: new WeakSet() };
  let contents = roots[0];
  for (const next of roots.slice(1)) {
    const merged = merge(contents, next, [], ctx);
    if (merged && merged !== RESET) contents = merged;
  }
  return { contents, conflicts: ctx.conflicts };
}

function merge(base: Value, over: Value, path: string[], ctx: Context): Value | typeof RESET {
  if (over?.tag === "!reset") return RESET;
  if (isEmpty(over)) return base;
  if (over!.tag === "!override" || isEmpty(base)) return over;
  const special = SPECIALS.find(([pattern]) => matches(pattern, path));
  if (special) return special[1](base!, over!, path, ctx);
  return mergeDefault(base!, over!, path, ctx);
}

/** `key:` with nothing after it: a later document's leaves the setting as it was. */
const isEmpty = (node: Value): boolean => node === null || (isScalar(node) && (node.value === null || node.value === undefined));

function mergeDefault(base: Node, over: Node, path: string[], ctx: Context): Value | typeof RESET {
  const b = deref(base, ctx);
  const o = deref(over, ctx);
  if (isMap(b) && isMap(o)) return mergeMaps(b, o, path, ctx);
  if (isSeq(b) && isSeq(o)) return appended(b, o, ctx);
  if (isMap(b) || isMap(o)) {
    ctx.conflicts.push({ path: path.join("."), node: over });
    return base;
  }
  return over;
}

function mergeMaps(base: YAMLMap, over: YAMLMap, path: string[], ctx: Context): YAMLMap {
  const out = ctx.made.has(base) ? base : copyOf(base, ctx);
  const items = out.items as Pair[];
  const at = ctx.made.get(out)!;
  const removed = new Set<number>();
  for (const pair of ownPairs(over, ctx, 0)) {
    const key = keyName(pair);
    const i = at.get(key);
    const value = pair.value as Value;
    if (i === undefined) {
      if (value?.tag !== "!reset") at.set(key, items.push(pair) - 1);
      continue;
    }
    const merged = key.startsWith("x-") ? value : merge(items[i].value as Value, value, [...path, key], ctx);
    if (merged === RESET) removed.add(i);
    else if (merged === value) items[i] = pair;
    else items[i] = new Pair(items[i].key, merged);
  }
  if (removed.size) {
    out.items = items.filter((_, i) => !removed.has(i));
    ctx.made.set(out, keyPlaces(out.items));
  }
  return out;
}

/** A new mapping with `base`'s effective pairs, which later documents may add to in place. */
function copyOf(base: YAMLMap, ctx: Context): YAMLMap {
  const out = new YAMLMap();
  out.items = [...ownPairs(base, ctx, 0)];
  out.range = base.range;
  out.flow = base.flow;
  ctx.made.set(out, keyPlaces(out.items));
  return out;
}

function keyPlaces(items: readonly Pair[]): Map<string, number> {
  const at = new Map<string, number>();
  items.forEach((pair, i) => at.set(keyName(pair), i));
  return at;
}

/** A mapping's pairs with its `<<` merge keys resolved: its own keys first, then each source's in order. */
function ownPairs(map: YAMLMap, ctx: Context, depth: number): Pair[] {
  const pairs = map.items as Pair[];
  if (!pairs.some(isMergeKey) || depth > 50) return pairs;
  const out = pairs.filter((p) => !isMergeKey(p));
  const seen = new Set(out.map(keyName));
  for (const pair of pairs.filter(isMergeKey)) {
    const sources = isSeq(pair.value) ? (pair.value.items as Node[]) : [pair.value as Node];
    for (const source of sources) {
      const resolved = deref(source, ctx);
      if (!isMap(resolved)) continue;
      for (const p of ownPairs(resolved, ctx, depth + 1)) {
        if (seen.has(keyName(p))) continue;
        seen.add(keyName(p));
        out.push(p);
      }
    }
  }
  return out;
}

/** A `<<` merge key: with `merge: true` the yaml library gives it the value Symbol(<<), not the string. */
export const isMergeKey = (pair: Pair): boolean =>
  isScalar(pair.key) && (pair.key.value === "<<" || (typeof pair.key.value === "symbol" && pair.key.value.description === "<<"));

/** A key as Compose names it: `1:` is "1", `null:` is "". */
function keyName(pair: Pair): string {
  const key = isScalar(pair.key) ? pair.key.value : pair.key;
  return key === null || key === undefined ? "" : String(key);
}

function deref(node: Node, ctx: Context): Node {
  let n: Node | undefined = node;
  for (let depth = 0; n && isAlias(n) && depth < 50; depth++) n = ctx.targets.get(n);
  return n ?? node;
}

/** `over`'s items after `base`'s. */
function appended(base: YAMLSeq, over: YAMLSeq, ctx: Context): YAMLSeq {
  const out = ctx.appendable.has(base) ? base : sequence(base, [...base.items] as Node[]);
  ctx.appendable.add(out);
  out.items.push(...(over.items as Node[]));
  return out;
}

function sequence(like: Node, items: Node[]): YAMLSeq {
  const out = new YAMLSeq();
  out.items = items;
  out.range = like.range;
  out.flow = isSeq(like) ? like.flow : false;
  return out;
}

const replace: Merger = (_base, over) => over;

/** `logging`: the options merge when both documents name the same driver (or one names none); else the later replaces it. */
const mergeLogging: Merger = (base, over, path, ctx) => {
  const b = deref(base, ctx);
  const o = deref(over, ctx);
  if (!isMap(b) || !isMap(o)) return over;
  const driver = (m: YAMLMap) => scalarText(m.items.find((p) => keyName(p) === "driver")?.value as Value);
  const [bd, od] = [driver(b), driver(o)];
  return bd !== null && od !== null && bd !== od ? over : mergeMaps(b, o, path, ctx);
};

/** `ulimits.<name>`: a mapping (soft/hard) merges with a mapping; a single number replaces. */
const mergeUlimit: Merger = (base, over, path, ctx) => {
  const b = deref(base, ctx);
  const o = deref(over, ctx);
  return isMap(b) && isMap(o) ? mergeMaps(b, o, path, ctx) : over;
};

/** `build: ./dir` is `build: {context: ./dir}`. */
const mergeBuild: Merger = (base, over, path, ctx) => {
  const asMap = (n: Node): Node => {
    const d = deref(n, ctx);
    if (!isScalar(d)) return n;
    const map = new YAMLMap();
    map.items = [new Pair(new Scalar("context"), d)];
    map.range = d.range;
    return map;
  };
  return mergeDefault(asMap(base), asMap(over), path, ctx);
};

/**
 * Settings written as a mapping or as a list of `KEY=value` (environment, labels, args…): the
 * same form merges as usual; across forms the list is read as a mapping. A single string is a list.
 */
const mergeEntries: Merger = (base, over, path, ctx) => {
  const b = asList(deref(base, ctx));
  const o = asList(deref(over, ctx));
  if (isSeq(b) && isSeq(o)) return appended(b, o, ctx);
  if (isMap(b) || isMap(o)) return mergeMaps(asMapping(b, "="), asMapping(o, "="), path, ctx);
  return over;
};

/** `depends_on`, `networks`: a list of names or a mapping of name to settings; a name listed twice is listed once. */
const mergeNamed: Merger = (base, over, path, ctx) => {
  const b = deref(base, ctx);
  const o = deref(over, ctx);
  if (isSeq(b) && isSeq(o)) return sequence(b, uniqueBy([...b.items, ...o.items] as Node[], (n) => scalarText(deref(n, ctx))));
  if ((isMap(b) || isSeq(b)) && (isMap(o) || isSeq(o))) return mergeMaps(asMapping(b, null), asMapping(o, null), path, ctx);
  return mergeDefault(base, over, path, ctx);
};

/** ports, volumes, secrets, configs: appended, an entry with the same unique key as an earlier one replacing it. */
const mergeUnique =
  (keyOf: (entry: Node, ctx: Context) => string | null): Merger =>
  (base, over, path, ctx) => {
    const b = deref(base, ctx);
    const o = deref(over, ctx);
    if (!isSeq(b) || !isSeq(o)) return mergeDefault(base, over, path, ctx);
    const out: Node[] = [];
    const at = new Map<string, number>();
    for (const item of [...b.items, ...o.items] as Node[]) {
      const key = keyOf(item, ctx);
      const i = key === null ? undefined : at.get(key);
      if (i !== undefined) out[i] = item;
      else if (key !== null) at.set(key, out.push(item) - 1);
      else out.push(item);
    }
    return sequence(b, out);
  };

const portKey = (entry: Node, ctx: Context): string | null => {
  const fields = entryFields(entry, ctx);
  if (typeof fields === "string") {
    const p = parsePortString(fields);
    return [p.hostIp ?? "", p.target, p.published ?? "", p.protocol].join("|");
  }
  return fields && [fields.host_ip ?? "", fields.target ?? "", fields.published ?? "", fields.protocol ?? "tcp"].join("|");
};

const volumeKey = (entry: Node, ctx: Context): string | null => {
  const fields = entryFields(entry, ctx);
  if (typeof fields === "string") {
    const parts = volumeFields(fields);
    return parts.length === 1 ? parts[0] : parts[1];
  }
  return fields?.target ?? null;
};

/** secrets and configs: a name alone mounts at a path named after it. */
const fileKey = (entry: Node, ctx: Context): string | null => {
  const fields = entryFields(entry, ctx);
  if (typeof fields === "string") return fields;
  return fields ? (fields.target ?? fields.source ?? null) : null;
};

/** An entry as its short-syntax string, or the scalar fields of its long syntax. */
function entryFields(entry: Node, ctx: Context): string | Record<string, string> | null {
  const d = deref(entry, ctx);
  if (isScalar(d)) return scalarText(d);
  if (!isMap(d)) return null;
  const out: Record<string, string> = {};
  for (const pair of d.items) {
    const v = scalarText(deref(pair.value as Node, ctx));
    if (v !== null) out[keyName(pair)] = v;
  }
  return out;
}

function scalarText(node: Value | undefined): string | null {
  return node && isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : null;
}

function asList(node: Node): Node {
  return isScalar(node) ? sequence(node, [node]) : node;
}

/** A list as a mapping: `KEY=value` items (separator "=") or names (separator null) become pairs placed at the item. */
function asMapping(node: Node, separator: string | null): YAMLMap {
  if (isMap(node)) return node;
  const map = new YAMLMap();
  map.range = node.range;
  map.items = (isSeq(node) ? (node.items as Node[]) : []).map((item) => {
    const text = scalarText(item) ?? "";
    const cut = separator === null ? -1 : text.indexOf(separator);
    const key = new Scalar(cut < 0 ? text : text.slice(0, cut));
    key.range = item.range;
    if (cut < 0) return new Pair(key, null);
    const value = new Scalar(text.slice(cut + 1));
    value.range = item.range;
    return new Pair(key, value);
  });
  return map;
}

function uniqueBy(items: Node[], keyOf: (n: Node) => string | null): Node[] {
  const seen = new Set<string>();
  return items.filter((n) => {
    const key = keyOf(n);
    if (key === null) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function matches(pattern: readonly string[], path: readonly string[]): boolean {
  return pattern.length === path.length && pattern.every((seg, i) => seg === "*" || seg === path[i]);
}

const pathOf = (pattern: string): string[] => pattern.split(".");

/** Settings compose-go merges as lists: appended, whatever form each document writes them in. */
const LIST_SETTINGS = [
  "environment", "labels", "annotations", "sysctls", "build.args", "build.labels", "build.additional_contexts", "deploy.labels",
  "dns", "dns_opt", "dns_search", "env_file", "label_file", "tmpfs", "extra_hosts", "build.extra_hosts",
];

const SPECIALS: [string[], Merger][] = [
  ...["command", "entrypoint", "healthcheck.test"].map((s): [string[], Merger] => [pathOf(`services.*.${s}`), replace]),
  [pathOf("services.*.logging"), mergeLogging],
  [pathOf("services.*.ulimits.*"), mergeUlimit],
  [pathOf("services.*.build"), mergeBuild],
  [pathOf("services.*.depends_on"), mergeNamed],
  [pathOf("services.*.networks"), mergeNamed],
  ...LIST_SETTINGS.map((s): [string[], Merger] => [pathOf(`services.*.${s}`), mergeEntries]),
  [pathOf("networks.*.labels"), mergeEntries],
  [pathOf("volumes.*.labels"), mergeEntries],
  [pathOf("services.*.ports"), mergeUnique(portKey)],
  [pathOf("services.*.volumes"), mergeUnique(volumeKey)],
  [pathOf("services.*.secrets"), mergeUnique(fileKey)],
  [pathOf("services.*.configs"), mergeUnique(fileKey)],
];
