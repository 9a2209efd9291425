import { createClassifier } from "../../engine/classify.js";
import { dirname } from "../../engine/paths.js";
import type { FileKind } from "../../engine/types.js";
import { ignoreMatcher } from "../../engine/glob.js";
import type { Config, SourceFile } from "../../engine/index.js";
import { code } from "../../formatters/markdown/text.js";
import { pathList } from "../check/check-output.js";
import { mapLimit, readAtCommit, readBlob } from "../github/contents.js";
import type { GitHub } from "../github/types.js";
import { hunksOf, type HunkSpan } from "../review/diff-lines.js";
import { candidateComposeFiles, linkedFiles } from "./linked-files.js";
import { detectMoves } from "./moves.js";
import type { ChangedFile, TreeBlob } from "./types.js";

/**
 * Content reads in flight at once: parallel, but bounded. Octokit's throttle lets 10 requests of a
 * client run at once and queues the rest, so more here would only queue there; 10 keeps a 20-file
 * PR (about 60 reads) to six waves of round trips, well under GitHub's 100 concurrent requests.
 */
export const READ_CONCURRENCY = 10;

export interface CollectedFiles {
  head: SourceFile[];
  base: SourceFile[];
  /** Docker files the PR adds or modifies (the ones annotated and commented). */
  changedPaths: Set<string>;
  /** Docker files the PR deletes. */
  removedPaths: Set<string>;
  moves: Map<string, string>;
  hunks: Map<string, HunkSpan[]>;
  notes: string[];
}

interface Input {
  repo: { owner: string; repo: string };
  headSha: string;
  /** The base commit; a promise while it is being asked for, so the head reads need not wait for it. */
  baseSha: string | Promise<string>;
  config: Config;
  changed: readonly ChangedFile[];
  tree: readonly TreeBlob[];
}

/**
 * The files to audit on both sides: changed Docker files and the files linked to them, read at
 * head by blob SHA, and the same set read at base (unchanged linked files are identical there).
 */
export async function collectFiles(gh: GitHub, input: Input): Promise<CollectedFiles> {
  const classify = createClassifier(input.config.files);
  const ignored = ignoreMatcher(input.config.ignore);
  const isDocker = (p: string) => classify(p) !== null && !ignored(p);
  const treeByPath = new Map(input.tree.map((b) => [b.path, b]));
  const treePaths = new Set(treeByPath.keys());
  const notes: string[] = [];

  // A symbolic link's blob is the path it points to: audited, it would read as a broken file.
  const isLink = (p: string) => treeByPath.get(p)?.symlink === true;
  const links = input.changed.filter((f) => isDocker(f.filename) && isLink(f.filename)).map((f) => f.filename);
  if (links.length) notes.push(`Not audited, being symbolic links: ${pathList(links)}. The files they point to are audited when a pull request changes them.`);
  const docker = input.changed.filter((f) => isDocker(f.filename) && !isLink(f.filename));
  const present = docker.filter((f) => f.status !== "removed");
  const changedPaths = new Set(present.map((f) => f.filename));
  const removedPaths = new Set(docker.filter((f) => f.status === "removed").map((f) => f.filename));
  const moves = detectMoves(docker, classify);
  const hunks = new Map(present.map((f) => [f.filename, hunksOf(f.patch)]));
  const noDiff = present.filter((f) => !f.patch && f.status !== "renamed").map((f) => f.filename);
  if (noDiff.length === 1) notes.push(`GitHub sent no diff for ${code(noDiff[0])} (binary or too large), so its findings are listed here instead of commented inline.`);
  else if (noDiff.length) notes.push(`GitHub sent no diff for ${noDiff.length} Docker files (binary or too large: ${pathList(noDiff)}), so their findings are listed here instead of commented inline.`);

  const shaOf = (path: string) => input.changed.find((f) => f.filename === path)?.sha ?? treeByPath.get(path)?.sha ?? null;
  const headContents = new Map<string, string>();
  /** Which of `paths` are read (not already read, not too big, within `limits.max_files`); notes the rest. */
  const plan = (paths: Iterable<string>, dryRun = false) => {
    const todo = [...new Set(paths)].filter((p) => !headContents.has(p) && !isLink(p));
    const tooBig = todo.filter((p) => (treeByPath.get(p)?.size ?? 0) > input.config.limits.maxFileBytes);
    const readable = todo.filter((p) => !tooBig.includes(p) && shaOf(p));
    const room = Math.max(0, input.config.limits.maxFiles - headContents.size);
    const left = readable.length - room;
    if (!dryRun) {
      if (tooBig.length) notes.push(`${tooBig.length === 1 ? `${code(tooBig[0])} was not read: it is` : `${tooBig.length} files were not read (${pathList(tooBig)}): they are`} larger than the ${input.config.limits.maxFileBytes}-byte \`limits.max_file_bytes\`.`);
      if (left > 0) notes.push(`${left} Docker ${left === 1 ? "file was" : "files were"} not read: the run stops at \`limits.max_files\` (${input.config.limits.maxFiles}).`);
    }
    return { wanted: readable.slice(0, room), cut: left > 0 };
  };
  /** Reads `wanted` at head, and runs `extra` reads in the same bounded pool (one wave of round trips). */
  const read = async (wanted: readonly string[], extra: (() => Promise<void>)[] = []) => {
    const tasks: (() => Promise<string | void>)[] = [...wanted.map((p) => () => readBlob(gh, input.repo, shaOf(p)!)), ...extra];
    const texts = await mapLimit(tasks, READ_CONCURRENCY, (t) => t());
    wanted.forEach((p, i) => headContents.set(p, texts[i] as string));
  };

  const changedDockerfiles = [...changedPaths].filter((p) => classify(p) === "dockerfile");
  const changedDockerignores = [...changedPaths, ...removedPaths].filter((p) => classify(p) === "dockerignore");
  const candidates = candidateComposeFiles(changedDockerfiles, [...treePaths].filter((p) => !ignored(p)), classify, changedDockerignores);
  // Everything known before any content is read goes out in one batch: the changed files, the
  // Compose files that may build them, the files linked without Compose (the .dockerignore of a
  // changed Dockerfile's directory, the Dockerfiles beside a changed .dockerignore), and the base
  // side of the changed and removed files. Only what the Compose files link waits for them.
  // The tree's Docker files by directory, each path classified once, when first asked for.
  let byDir: Map<string, { path: string; kind: FileKind }[]> | undefined;
  const inDir = (dir: string, kind: FileKind) => {
    if (!byDir) {
      byDir = new Map();
      for (const path of treePaths) {
        const k = classify(path);
        if (k) (byDir.get(dirname(path)) ?? byDir.set(dirname(path), []).get(dirname(path))!).push({ path, kind: k });
      }
    }
    return (byDir.get(dir) ?? []).filter((e) => e.kind === kind).map((e) => e.path);
  };
  const dockerfilesBeside = (dir: string) => inDir(dir, "dockerfile");
  const composeFilesBeside = (path: string) => (classify(path) === "compose" ? inDir(dirname(path), "compose").filter((p) => p !== path) : []);
  const linkInput = { changedPaths, removedPaths, changedDockerfiles, tree: treePaths, dockerfilesBeside, composeFilesBeside };
  const upfront = [...linkedFiles({ composeFiles: [], ...linkInput }).paths].filter((p) => !ignored(p));
  const first = [...changedPaths, ...candidates];
  // At the `max_files` limit, keep the two phases, so that Compose candidates dropped below free room first.
  const firstPlan = plan([...first, ...upfront], true).cut ? plan(first) : plan([...first, ...upfront]);
  const baseReads = baseFetches(input, firstPlan.wanted.filter((p) => changedPaths.has(p)), removedPaths, moves);
  const prefetched = new Map<string, string | null>();
  await read(firstPlan.wanted, baseReads.map((p) => async () => void prefetched.set(p, await readAtCommit(gh, input.repo, p, await input.baseSha))));
  const composeRead = [...headContents].filter(([p]) => classify(p) === "compose").map(([path, content]) => ({ path, content }));
  const linked = linkedFiles({ composeFiles: composeRead, ...linkInput });
  for (const c of candidates) if (!linked.composeToKeep.has(c) && !changedPaths.has(c)) headContents.delete(c);
  await read(plan([...linked.paths].filter((p) => !ignored(p))).wanted);

  const head = [...headContents].map(([path, content]) => ({ path, content }));
  const base = await readBase(gh, input, head, changedPaths, removedPaths, moves, prefetched);
  return { head, base, changedPaths, removedPaths, moves, hunks, notes };
}

/** Base-side paths to read for `changed` head files (their previous path unless added) and the removed files. */
function baseFetches(input: Input, changed: Iterable<string>, removed: Set<string>, moves: Map<string, string>): string[] {
  const movedFrom = new Map([...moves].map(([from, to]) => [to, from]));
  const statusOf = new Map(input.changed.map((f) => [f.filename, f]));
  const fetches: string[] = [];
  for (const path of changed) {
    const entry = statusOf.get(path);
    // A copy's `previous_filename` is a file the PR leaves in place: read at base, its findings
    // would all count as fixed. A copy is new, like an added file.
    const isNew = entry?.status === "added" || entry?.status === "copied";
    const from = movedFrom.get(path) ?? (entry?.status === "renamed" ? entry.previous_filename : undefined) ?? (isNew ? null : path);
    if (from) fetches.push(from);
  }
  for (const r of removed) if (!fetches.includes(r)) fetches.push(r);
  return fetches;
}

async function readBase(gh: GitHub, input: Input, head: SourceFile[], changed: Set<string>, removed: Set<string>, moves: Map<string, string>, prefetched: ReadonlyMap<string, string | null>): Promise<SourceFile[]> {
  const base: SourceFile[] = head.filter((f) => !changed.has(f.path));
  const fetches = baseFetches(input, head.filter((f) => changed.has(f.path)).map((f) => f.path), removed, moves);
  // Read with the head side already, except when a changed file was only read after the Compose files.
  const missing = fetches.filter((p) => !prefetched.has(p));
  const baseSha = await input.baseSha;
  const texts = await mapLimit(missing, READ_CONCURRENCY, (p) => readAtCommit(gh, input.repo, p, baseSha));
  const late = new Map(missing.map((p, i) => [p, texts[i]]));
  for (const path of fetches) {
    const content = prefetched.has(path) ? prefetched.get(path)! : late.get(path)!;
    if (content !== null && content !== undefined) base.push({ path, content });
  }
  return base;
}

