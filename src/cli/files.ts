import { closeSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import type { Classifier } from "../engine/classify.js";
import type { SourceFile } from "../engine/types.js";

const SKIP_DIRS = new Set([".git", "node_modules"]);
const MAX_TREE_ENTRIES = 100_000;

export interface Collected {
  root: string;
  files: SourceFile[];
  tree: string[];
  missing: string[];
  unrecognised: string[];
}

/** Lists every file under `dir` (relative to `root`), skipping .git and node_modules. */
export function walk(dir: string, root: string, out: string[] = []): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (out.length >= MAX_TREE_ENTRIES) break;
    const full = resolve(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(full, root, out);
    } else if (e.isFile()) {
      out.push(toPosix(relative(root, full)));
    }
  }
  return out;
}

const toPosix = (p: string) => p.split(sep).join("/");

/** The deepest directory that contains every argument. */
export function commonRoot(paths: string[]): string {
  const dirs = paths.map((p) => {
    const abs = resolve(p);
    try {
      return statSync(abs).isDirectory() ? abs : dirname(abs);
    } catch {
      return dirname(abs);
    }
  });
  let root = dirs[0];
  while (!dirs.every((d) => d === root || d.startsWith(root.endsWith(sep) ? root : root + sep))) root = dirname(root);
  return root;
}

/** Reads at most `limit + 1` bytes, so that an oversized file is seen as such without loading it whole. */
export function readBounded(path: string, limit: number): string {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(Math.min(statSync(path).size, limit + 1));
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

/**
 * Collects the Docker files named by `paths`: directories are walked, files are taken as given,
 * and the whole root directory's listing is the tree for existence checks.
 */
export function collect(paths: string[], classify: Classifier, maxFileBytes: number, linked: (files: SourceFile[]) => string[]): Collected {
  const root = commonRoot(paths);
  const tree = walk(root, root);
  const wanted = new Set<string>();
  const missing: string[] = [];
  const unrecognised: string[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      missing.push(p);
      continue;
    }
    const rel = toPosix(relative(root, abs));
    if (stat.isDirectory()) {
      for (const f of tree) if ((rel === "" || f.startsWith(`${rel}/`)) && classify(f)) wanted.add(f);
    } else if (classify(rel)) wanted.add(rel);
    else unrecognised.push(p);
  }
  const read = (rel: string): SourceFile => ({ path: rel, content: readBounded(resolve(root, rel), maxFileBytes) });
  const files = [...wanted].sort().map(read);
  const treeSet = new Set(tree);
  for (const extra of linked(files)) {
    if (!wanted.has(extra) && treeSet.has(extra)) {
      wanted.add(extra);
      files.push(read(extra));
    }
  }
  return { root, files, tree, missing, unrecognised };
}
