import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import type { Classifier } from "../engine/classify.js";
import type { SourceFile } from "../engine/types.js";

const SKIP_DIRS = new Set([".git", "node_modules"]);
const MAX_TREE_ENTRIES = 100_000;
/** Files visited at most, listed or not: past it the walk stops (a root of `/` would take minutes). */
const MAX_VISITED = 1_000_000;

export interface Collected {
  root: string;
  files: SourceFile[];
  tree: string[];
  missing: string[];
  /** Paths that exist but cannot be reached, with the error code (a link loop, a directory without search permission). */
  inaccessible: string[];
  unrecognised: string[];
  /** Directories under a directory argument that could not be listed, with the error code: nothing under them was audited. */
  unlistable: string[];
  /** Files left out of `tree` past its bound (Docker files are always in it). */
  unlisted: number;
  /** The walk stopped at its bound: files further on, Docker files too, were not seen. */
  stopped: boolean;
}

export interface Walk {
  root: string;
  /** Files past `maxEntries` still listed: the Docker files, which must not go unaudited. */
  keep: (rel: string) => boolean;
  maxEntries: number;
  files: string[];
  /** Files left out of `files` once it held `maxEntries`. */
  unlisted: number;
  /** Set when the walk stopped at MAX_VISITED files: what lies further was not seen at all. */
  stopped?: boolean;
  /** Directories that could not be listed, with the error code. */
  unlistable: { dir: string; code: string }[];
  /** The entries of `files` that are symbolic links. */
  links: Set<string>;
}

/** Lists the files under `dir` (relative to the root) into `walk`, skipping .git and node_modules. */
export function walkTree(dir: string, walk: Walk): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    walk.unlistable.push({ dir: toPosix(relative(walk.root, dir)), code: errorCode(e) });
    return;
  }
  for (const e of entries) {
    if (walk.files.length + walk.unlisted >= MAX_VISITED) {
      walk.stopped = true;
      return;
    }
    const full = resolve(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walkTree(full, walk);
    } else if (e.isFile() || e.isSymbolicLink()) {
      const rel = toPosix(relative(walk.root, full));
      if (walk.files.length < walk.maxEntries || walk.keep(rel)) {
        walk.files.push(rel);
        if (e.isSymbolicLink()) walk.links.add(rel);
      } else walk.unlisted++;
    }
  }
}

const toPosix = (p: string) => p.split(sep).join("/");

/** A UTF-16 byte-order mark, as editors on Windows write by default: as UTF-8 the text would be NUL bytes between letters. */
const isUtf16 = (bytes: Buffer) => bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));

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

/**
 * Whether a link found by the walk leads to a file inside the root. A link to a Dockerfile
 * elsewhere in the tree is read like any file; one leading out of it (to /etc/passwd, say) is not,
 * and a broken one is left to fail when read.
 */
function insideRoot(path: string, root: string): boolean {
  try {
    const real = realpathSync(path);
    const realRoot = realpathSync(root);
    return real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
  } catch {
    return true;
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
 * Reads a file of at most `limit` bytes; a larger one is not read but skipped with its true size
 * (reading `limit + 1` bytes still tells a file that grew meanwhile). A FIFO, device or socket is not read (a FIFO would wait for a writer forever, /dev/zero
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
    if (stat.size > limit) return { path: rel, content: "", unreadable: `it is ${stat.size} bytes, over the limit of ${limit} bytes per file (limits.max_file_bytes)` };
    const buffer = Buffer.alloc(Math.min(stat.size, limit + 1));
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    if (isUtf16(buffer.subarray(0, n))) return { path: rel, content: "", unreadable: "it is encoded as UTF-16 (it starts with a UTF-16 byte-order mark); Docker reads these files as UTF-8, so save it as UTF-8" };
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
export function collect(paths: string[], classify: Classifier, maxFileBytes: number, linked: (files: SourceFile[]) => string[], maxEntries = MAX_TREE_ENTRIES): Collected {
  const root = commonRoot(paths);
  const walk: Walk = { root, keep: (rel) => !!classify(rel), maxEntries, files: [], unlisted: 0, unlistable: [], links: new Set() };
  walkTree(root, walk);
  const { files: tree, unlisted } = walk;
  const walkedDirs: string[] = [];
  const stopped = !!walk.stopped;
  const wanted = new Set<string>();
  /** Files named as arguments: read wherever a link leads, as the user asked for them. */
  const named = new Set<string>();
  const missing: string[] = [];
  const inaccessible: string[] = [];
  const unrecognised: string[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    let stat;
    try {
      stat = statSync(abs);
    } catch (e) {
      const code = errorCode(e);
      if (code === "ENOENT" || code === "ENOTDIR") missing.push(p);
      else inaccessible.push(`${p} (${code})`);
      continue;
    }
    const rel = toPosix(relative(root, abs));
    if (stat.isDirectory()) {
      walkedDirs.push(rel);
      // The walk from the root follows no link and skips node_modules: a directory argument it did
      // not enter (`check api shared` with shared -> ../lib, `check . node_modules/x`) is walked
      // from itself, as the user named it.
      if (rel !== "" && !tree.some((f) => f.startsWith(`${rel}/`))) walkTree(abs, walk);
      for (const f of tree) if ((rel === "" || f.startsWith(`${rel}/`)) && classify(f)) wanted.add(f);
    } else if (classify(rel)) {
      wanted.add(rel);
      named.add(rel);
    } else unrecognised.push(p);
  }
  const read = (rel: string): SourceFile =>
    walk.links.has(rel) && !named.has(rel) && !insideRoot(resolve(root, rel), root)
      ? { path: rel, content: "", unreadable: "it is a symbolic link to a path outside the audited directory" }
      : readSource(resolve(root, rel), rel, maxFileBytes);
  const files = [...wanted].sort().map(read);
  const treeSet = new Set(tree);
  for (const extra of linked(files)) {
    if (!wanted.has(extra) && treeSet.has(extra)) {
      wanted.add(extra);
      files.push(read(extra));
    }
  }
  const within = (dir: string) => walkedDirs.some((rel) => rel === "" || dir === rel || dir.startsWith(`${rel}/`));
  const unlistable = walk.unlistable.filter((u) => within(u.dir)).map((u) => `${u.dir || "."} (${u.code})`);
  return { root, files, tree, missing, inaccessible, unrecognised, unlistable, unlisted, stopped };
}
