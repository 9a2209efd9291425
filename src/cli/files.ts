import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync } from "node:fs";
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
  /** Directories that could not be listed, with the error code: nothing under them was audited. */
  unlistable: string[];
}

/** Lists every file under `dir` (relative to `root`), skipping .git and node_modules; a directory that cannot be listed goes to `unlistable`. */
export function walk(dir: string, root: string, out: string[] = [], unlistable: string[] = []): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    unlistable.push(`${toPosix(relative(root, dir)) || "."} (${errorCode(e)})`);
    return out;
  }
  for (const e of entries) {
    if (out.length >= MAX_TREE_ENTRIES) break;
    const full = resolve(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(full, root, out, unlistable);
    } else if (e.isFile()) {
      out.push(toPosix(relative(root, full)));
    }
  }
  return out;
}

const toPosix = (p: string) => p.split(sep).join("/");

/** The bytes of a regular file, or null when it is not one or cannot be read. */
export function readBytes(path: string): Buffer | null {
  let fd;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return null;
    const buffer = Buffer.alloc(stat.size);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

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

const errorCode = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/**
 * Reads at most `limit + 1` bytes, so that an oversized file is seen as such without loading it
 * whole. A FIFO, device or socket is not read (a FIFO would wait for a writer forever, /dev/zero
 * never ends), and neither is a file the user may not read: each becomes a skipped file.
 */
export function readSource(path: string, rel: string, limit: number): SourceFile {
  let fd;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { path: rel, content: "", unreadable: `it could not be read (${errorCode(e)})` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { path: rel, content: "", unreadable: "it is not a regular file" };
    const buffer = Buffer.alloc(Math.min(stat.size, limit + 1));
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return { path: rel, content: buffer.subarray(0, n).toString("utf8") };
  } catch (e) {
    return { path: rel, content: "", unreadable: `it could not be read (${errorCode(e)})` };
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
  const unlistable: string[] = [];
  const tree = walk(root, root, [], unlistable);
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
  const read = (rel: string): SourceFile => readSource(resolve(root, rel), rel, maxFileBytes);
  const files = [...wanted].sort().map(read);
  const treeSet = new Set(tree);
  for (const extra of linked(files)) {
    if (!wanted.has(extra) && treeSet.has(extra)) {
      wanted.add(extra);
      files.push(read(extra));
    }
  }
  return { root, files, tree, missing, unrecognised, unlistable };
}
