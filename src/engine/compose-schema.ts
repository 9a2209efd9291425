import type { ErrorObject, ValidateFunction } from "ajv";
import { isMap, isScalar, isSeq, type Document, type Node } from "yaml";
import generatedValidator from "./schema/compose-validator.generated.js";
import { isRecord, mayHaveResetTags, type YamlPath } from "./parse/compose.js";
import { interpolate } from "./parse/interpolation.js";

/** One way a Compose file breaks the Compose specification's JSON schema. */
export interface SchemaIssue {
  kind: "unknownKey" | "type" | "enum" | "required" | "other" | "tooLong";
  /** Where the offending value is (for unknownKey and required: the mapping holding the key). */
  path: YamlPath;
  /** The key that is not allowed, or the key that is missing (for tooLong: the over-long key, if it is one). */
  key: string | null;
  /** For type: the JSON types allowed; for enum: the allowed values. */
  allowed: string[];
  /** Ajv's own wording, for `other`; the string's length, for `tooLong`. */
  detail: string;
}

/**
 * Strings (keys or values) longer than this are not validated: matching patterns, interpolating
 * and building error paths over megabyte strings takes most of a second, and no Compose field
 * needs that much. A value this long is checked as if it came from a variable (its own errors are
 * not reported); a key this long is left out with what it holds. Each is reported as `tooLong`.
 */
export const MAX_VALIDATED_STRING = 65_536;

/**
 * The Compose schema's validator, compiled by Ajv ahead of time (`npm run schema:compile`,
 * scripts/compose-validator.mjs) rather than on each process's first Compose file, and without
 * the uniqueness checks of the lists Compose merges before it validates.
 */
const validate = generatedValidator as ValidateFunction;

const COMBINATORS = new Set(["oneOf", "anyOf"]);
const MAX_ERRORS = 1000;

const pointerToPath = (pointer: string): (string | number)[] =>
  pointer
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));

const under = (path: string, root: string) => path === root || path.startsWith(`${root}/`);

/** The JSON pointer of a path of keys and indices. */
const pointerOf = (path: readonly (string | number)[]): string => {
  let out = "";
  for (const seg of path) out += `/${typeof seg === "number" ? seg : seg.replace(/~/g, "~0").replace(/\//g, "~1")}`;
  return out;
};

/**
 * `value` with each string that references a variable replaced by its value with defaults (as
 * `docker compose config` sees it with an empty environment); `interpolated` collects their pointers.
 * Only the mappings and lists on the way to a replaced value are copied (the rest is shared with
 * `value`, which is never modified); `path` is the path of `value`, a stack shared by the walk.
 */
function interpolateAll(value: unknown, path: (string | number)[], interpolated: Set<string>, tooLong: SchemaIssue[], ancestors: unknown[] = []): unknown {
  if (typeof value === "string") {
    if (value.length > MAX_VALIDATED_STRING) {
      interpolated.add(pointerOf(path));
      tooLong.push({ kind: "tooLong", path: pointerToPath(pointerOf(path)), key: null, allowed: [], detail: String(value.length) });
      return "";
    }
    if (!value.includes("$")) return value;
    interpolated.add(pointerOf(path));
    return interpolate(value);
  }
  if (!Array.isArray(value) && !isRecord(value)) return value;
  // The containers above `value` (a short list: data nests a few levels, parseCompose refuses past 100).
  if (ancestors.includes(value)) throw new RecursiveAlias(pointerOf(path));
  ancestors.push(value);
  let out: unknown = value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (isPlainLeaf(item)) {
        if (copy) copy.push(item);
        continue;
      }
      path.push(i);
      const v = interpolateAll(item, path, interpolated, tooLong, ancestors);
      path.pop();
      if (v !== value[i] && !copy) copy = value.slice(0, i);
      if (copy) copy.push(v);
    }
    if (copy) out = copy;
  } else {
    const keys = Object.keys(value);
    // Only a plain mapping may be shared: anything else (an own `__proto__` key, which assigning
    // turns into a prototype) becomes a fresh mapping, key by key, as it always has.
    const plain = Object.getPrototypeOf(value) === Object.prototype && !Object.prototype.hasOwnProperty.call(value, "__proto__");
    let copy: Record<string, unknown> | null = plain ? null : {};
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k.length > MAX_VALIDATED_STRING) {
        tooLong.push({ kind: "tooLong", path: pointerToPath(pointerOf(path)), key: k, allowed: [], detail: String(k.length) });
        if (!copy) copy = copyOf(value, keys, i);
        continue;
      }
      const item = value[k];
      if (isPlainLeaf(item)) {
        if (copy) copy[k] = item;
        continue;
      }
      path.push(k);
      const v = interpolateAll(item, path, interpolated, tooLong, ancestors);
      path.pop();
      if (v !== value[k] && !copy) copy = copyOf(value, keys, i);
      if (copy) copy[k] = v;
    }
    if (copy) out = copy;
  }
  ancestors.pop();
  return out;
}

/** A value interpolateAll hands back as it is, without a look at its path: not a container, not a string with `$`, not an over-long string. */
const isPlainLeaf = (v: unknown): boolean =>
  typeof v === "string" ? v.length <= MAX_VALIDATED_STRING && !v.includes("$") : v === null || typeof v !== "object";

/** A new mapping with the first `n` of `keys` of `value` (in order). */
function copyOf(value: Record<string, unknown>, keys: string[], n: number): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (let j = 0; j < n; j++) copy[keys[j]] = value[keys[j]];
  return copy;
}

/** An alias inside the node it refers to (`x: &a [*a]`): the value is infinite. */
class RecursiveAlias extends Error {
  constructor(readonly pointer: string) {
    super("recursive alias");
  }
}

/**
 * Validates parsed Compose data against the Compose specification schema. Values that reference
 * variables are checked after interpolation, and a type or alternative (`oneOf`) that only fails
 * because of such a value is not reported: Compose casts interpolated values to the field's type.
 */
export function validateComposeSchema(data: Record<string, unknown>, doc?: Document): SchemaIssue[] {
  const interpolated = new Set<string>();
  const tooLong: SchemaIssue[] = [];
  let resolved: unknown;
  try {
    resolved = interpolateAll(data, [], interpolated, tooLong);
  } catch (e) {
    if (!(e instanceof RecursiveAlias)) throw e;
    return [{ kind: "other", path: pointerToPath(e.pointer), key: null, allowed: [], detail: "contains itself through an alias (an infinite value)" }];
  }
  if (doc && mayHaveResetTags(doc)) {
    const paths = resetPaths(doc.contents as Node | null, []);
    // removeAt deletes keys: work on a copy of the containers on those paths, never on `data`.
    if (paths.length) resolved = copyPaths(resolved, paths);
    for (const path of paths) removeAt(resolved, path);
  }
  if (validate(resolved)) return tooLong;
  // The pruning below compares errors pairwise; a few hundred are plenty to explain a file.
  const errors = (validate.errors ?? []).slice(0, MAX_ERRORS);
  const touchesVariable = (root: string) => [...interpolated].some((p) => under(p, root));

  // Alternatives and uniqueness checks over a value that holds a variable are excused whole (two
  // unset variables read as the same empty string); so are values that are a variable.
  const excused = errors.filter((e) => (COMBINATORS.has(e.keyword) || e.keyword === "uniqueItems") && touchesVariable(e.instancePath)).map((e) => e.instancePath);
  // Repeats in the lists Compose merges never get here: the validator is compiled without those checks.
  let kept = errors.filter((e) => !interpolated.has(e.instancePath) && !excused.some((root) => under(e.instancePath, root)));

  // Within a failed alternative, the branch whose type matched explains more ("unknown key",
  // "missing key", a deeper error) than the other branches' "must be a string".
  const combinatorPaths = kept.filter((e) => COMBINATORS.has(e.keyword)).map((e) => e.instancePath);
  kept = kept.filter((e) => {
    if (COMBINATORS.has(e.keyword)) return false;
    if (e.keyword !== "type" || !combinatorPaths.includes(e.instancePath)) return true;
    return !kept.some((o) => !COMBINATORS.has(o.keyword) && under(o.instancePath, e.instancePath) && (o.instancePath !== e.instancePath || o.keyword !== "type"));
  });

  const issues = new Map<string, SchemaIssue>();
  for (const e of kept) {
    const issue = issueOf(e);
    const id = `${e.instancePath}\u0000${issue.kind}\u0000${issue.key ?? ""}`;
    const existing = issues.get(id);
    if (existing && (issue.kind === "type" || issue.kind === "enum")) {
      for (const a of issue.allowed) if (!existing.allowed.includes(a)) existing.allowed.push(a);
    } else if (!existing) {
      issues.set(id, issue);
    }
  }
  return [...tooLong, ...issues.values()];
}

function issueOf(e: ErrorObject): SchemaIssue {
  const path = pointerToPath(e.instancePath);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "additionalProperties":
      return { kind: "unknownKey", path, key: String(params.additionalProperty), allowed: [], detail: e.message ?? "" };
    case "required":
      return { kind: "required", path, key: String(params.missingProperty), allowed: [], detail: e.message ?? "" };
    case "type":
      return { kind: "type", path, key: null, allowed: String(params.type).split(","), detail: e.message ?? "" };
    case "enum":
      return { kind: "enum", path, key: null, allowed: ((params.allowedValues as unknown[]) ?? []).map(String), detail: e.message ?? "" };
    default:
      return { kind: "other", path, key: null, allowed: [], detail: e.message ?? "is invalid" };
  }
}

/** Paths of values tagged `!reset`: Compose drops them while merging files, before validating. */
function resetPaths(node: Node | null, path: (string | number)[], depth = 0): (string | number)[][] {
  if (!node || depth > 200) return [];
  if (node.tag === "!reset") return [path];
  if (isMap(node)) {
    return node.items.flatMap((pair) => (isScalar(pair.key) ? resetPaths(pair.value as Node | null, [...path, String(pair.key.value)], depth + 1) : []));
  }
  if (isSeq(node)) return node.items.flatMap((item, i) => resetPaths(item as Node | null, [...path, i], depth + 1));
  return [];
}

/** `root` with every mapping and list on the way to each of `paths` copied (shallowly), the rest shared. */
function copyPaths(root: unknown, paths: (string | number)[][]): unknown {
  const copies = new Set<unknown>();
  const copy = (v: unknown): unknown => {
    if (copies.has(v)) return v;
    const c = Array.isArray(v) ? [...v] : isRecord(v) ? Object.assign(Object.create(Object.getPrototypeOf(v) as object | null) as object, v) : v;
    copies.add(c);
    return c;
  };
  const out = copy(root);
  for (const path of paths) {
    let node: unknown = out;
    for (const seg of path.slice(0, -1)) {
      if (!isRecord(node) && !Array.isArray(node)) break;
      const holder = node as Record<string | number, unknown>;
      const next = holder[seg];
      if (!isRecord(next) && !Array.isArray(next)) break;
      node = holder[seg] = copy(next);
    }
  }
  return out;
}

function removeAt(root: unknown, path: (string | number)[]): void {
  let node: unknown = root;
  for (const seg of path.slice(0, -1)) node = isRecord(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[seg] : undefined;
  const last = path[path.length - 1];
  if (isRecord(node) && typeof last === "string") delete node[last];
}
