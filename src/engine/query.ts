import { isMap, isScalar, isSeq, type YAMLMap } from "yaml";
import type { ComposeModel, ComposeService, YamlPath } from "./parse/compose.js";
import type { DfInstruction, DfStage, DockerfileModel } from "./parse/dockerfile.js";
import type { ShellCommand, ShellWord } from "./parse/shell.js";
import type { Range } from "./types.js";

/** Strips a leading path: `/usr/bin/apt-get` → `apt-get`. */
export const commandName = (c: ShellCommand): string => c.name.slice(c.name.lastIndexOf("/") + 1);

/**
 * True when the command carries any of `flags`. Long flags match `--flag` and `--flag=value`;
 * one-letter flags also match inside a bundle such as `-qy`.
 */
export function hasFlag(c: ShellCommand, ...flags: string[]): boolean {
  return c.args.some((a) => flagMatches(a.value, flags));
}

export function findFlag(c: ShellCommand, ...flags: string[]): ShellWord | undefined {
  return c.args.find((a) => flagMatches(a.value, flags));
}

function flagMatches(arg: string, flags: string[]): boolean {
  if (arg.startsWith("--")) return flags.some((f) => f.startsWith("--") && (arg === f || arg.startsWith(`${f}=`)));
  if (/^-[A-Za-z0-9]+$/.test(arg)) {
    return flags.some((f) => (/^-[A-Za-z0-9]$/.test(f) && arg.includes(f[1])) || arg === f);
  }
  return false;
}

/**
 * Positional arguments of a command after `subcommands` (e.g. `install`), skipping flags and the
 * values of the flags listed in `flagsWithValue`.
 */
export function positionalArgs(c: ShellCommand, subcommands: string[], flagsWithValue: string[] = []): ShellWord[] {
  const out: ShellWord[] = [];
  let seenSub = subcommands.length === 0;
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i];
    if (a.value.startsWith("-")) {
      if (flagsWithValue.includes(a.value)) i++;
      continue;
    }
    if (!seenSub) {
      if (subcommands.includes(a.value)) seenSub = true;
      continue;
    }
    out.push(a);
  }
  return seenSub ? out : [];
}

export function stageOf(model: DockerfileModel, ins: DfInstruction): DfStage | null {
  return model.stages[ins.stageIndex] ?? null;
}

/** Each service of the document whose name is a scalar and whose body is a mapping, as YAML nodes (for rules that edit the source). */
export function* serviceNodes(model: ComposeModel): Iterable<{ service: string; node: YAMLMap }> {
  const services = model.doc.get("services", true);
  if (!isMap(services)) return;
  for (const pair of services.items) {
    if (isScalar(pair.key) && isMap(pair.value)) yield { service: String(pair.key.value), node: pair.value };
  }
}

/** Services of a Compose file that are complete definitions (not override fragments). */
export function fullServices(model: ComposeModel): ComposeService[] {
  return model.services.filter((s) => !s.partial);
}

/**
 * The source range of a Compose scalar's text without its quotes, when the source spells `value`
 * verbatim (plain or quoted, no escapes, no folding); null otherwise.
 */
export function verbatimScalar(model: ComposeModel, range: Range | null, value: string): Range | null {
  if (!range) return null;
  const raw = model.index.slice(range);
  const start = model.index.offset(range.start);
  if (raw === value) return range;
  const q = raw[0];
  if ((q === '"' || q === "'") && raw.length >= 2 && raw.endsWith(q) && raw.slice(1, -1) === value) {
    return model.index.range(start + 1, start + raw.length - 1);
  }
  return null;
}

/** Range of `value.slice(start, end)` inside the scalar at `range`; the whole scalar when its source is not verbatim. */
export function scalarSubRange(model: ComposeModel, range: Range | null, value: string, start: number, end: number): Range | null {
  const inner = verbatimScalar(model, range, value);
  if (!inner) return range;
  const base = model.index.offset(inner.start);
  return model.index.range(base + start, base + end);
}

/** A node composeStrings visits, with the key or index it sits under and the entry of its parent. */
interface StringWalkEntry {
  node: unknown;
  key: string | number;
  up: StringWalkEntry | null;
}

/** A string composeStrings found: its path and range are worked out when first read. */
class ComposeString {
  #path: YamlPath | undefined;
  #range: Range | null | undefined;
  constructor(
    readonly value: string,
    private readonly model: ComposeModel,
    private readonly entry: StringWalkEntry,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get path(): YamlPath {
    if (!this.#path) {
      const path: (string | number)[] = [];
      for (let e: StringWalkEntry | null = this.entry; e && e.up; e = e.up) path.push(e.key);
      this.#path = path.reverse();
    }
    return this.#path;
  }

  get range(): Range | null {
    if (this.#range === undefined) this.#range = this.model.index.range(this.start, this.end);
    return this.#range;
  }
}

/**
 * Every string scalar value of a Compose file with its path and range; keys are skipped and aliases
 * are not followed. `path` and `range` are worked out when first read (most callers look at the
 * value first and skip most strings). With `accept`, only the strings it accepts are yielded (the
 * others cost no object).
 */
export function* composeStrings(
  model: ComposeModel,
  accept?: (value: string) => boolean,
): Iterable<{ readonly value: string; readonly path: YamlPath; readonly range: Range | null }> {
  const stack: StringWalkEntry[] = [{ node: model.doc.contents, key: "", up: null }];
  while (stack.length) {
    const entry = stack.pop()!;
    const node = entry.node;
    if (isScalar(node)) {
      if (typeof node.value === "string" && node.range && (!accept || accept(node.value))) yield new ComposeString(node.value, model, entry, node.range[0], node.range[1]);
    } else if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i];
        const key = isScalar(pair.key) ? pair.key.value : null;
        if (typeof key === "string" || typeof key === "number") stack.push({ node: pair.value, key, up: entry });
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], key: i, up: entry });
    }
  }
}

/** Range of the key of the deepest prefix of `path` (at least `minLength` segments) that exists in the file. */
export function locateDeepestKey(model: ComposeModel, path: YamlPath, minLength: number): Range | null {
  for (let n = path.length; n >= minLength; n--) {
    let v: unknown = model.data;
    for (const seg of path.slice(0, n)) v = v !== null && typeof v === "object" ? (v as Record<string, unknown>)[seg as string] : undefined;
    if (v !== undefined) return model.locateKey(path.slice(0, n));
  }
  return null;
}

/**
 * A filter for findings that can land on shared YAML (an anchor merged into several services):
 * returns true the first time it sees a range, false for the same range again.
 */
export function oncePerRange(): (range: { start: { line: number; column: number } } | null) => boolean {
  const seen = new Set<string>();
  return (range) => {
    if (!range) return true;
    const key = `${range.start.line}:${range.start.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
}
