import type { Classifier } from "../../engine/classify.js";
import type { SourceFile } from "../../engine/index.js";
import { buildProject } from "../../engine/project.js";
import { parseCompose } from "../../engine/parse/compose.js";
import { dirname } from "../../engine/paths.js";

/** Beyond this many Compose files in the repository, only those in a changed Dockerfile's directory or above are read. */
export const ALL_COMPOSE_UP_TO = 20;

function isAncestorDir(dir: string, of: string): boolean {
  return dir === "" || of === dir || of.startsWith(`${dir}/`);
}

function dockerignoreIn(dir: string): string {
  return dir ? `${dir}/.dockerignore` : ".dockerignore";
}

/** `<Dockerfile>.dockerignore`: BuildKit reads it instead of the context's .dockerignore when it exists. */
function ownDockerignore(dockerfile: string): string {
  return `${dockerfile}.dockerignore`;
}

/**
 * Compose files that might build one of the changed Dockerfiles, or build in the context of a
 * changed .dockerignore: every Compose file of a small repository, else those in such a file's
 * directory or one of its parents.
 */
export function candidateComposeFiles(changedDockerfiles: readonly string[], treePaths: readonly string[], classify: Classifier, changedDockerignores: readonly string[] = []): string[] {
  const dirs = [...changedDockerfiles, ...changedDockerignores.filter(isContextDockerignore)].map(dirname);
  if (!dirs.length) return [];
  const compose = treePaths.filter((p) => classify(p) === "compose");
  if (compose.length <= ALL_COMPOSE_UP_TO) return compose;
  return compose.filter((c) => dirs.some((d) => isAncestorDir(dirname(c), d)));
}

function isContextDockerignore(p: string): boolean {
  return p === ".dockerignore" || p.endsWith("/.dockerignore");
}

/**
 * The files linked to the changed ones, from the Compose files read so far: the build Dockerfiles
 * and .dockerignore files (the context's, the Dockerfile's own) of changed Compose files; for each
 * changed Dockerfile, the Compose files that build it and its .dockerignore files; for a changed
 * or deleted .dockerignore, the Dockerfiles beside it and those Compose builds in its directory;
 * for a changed or deleted Compose file, the other Compose files of its directory.
 * Only paths present in the tree.
 */
export function linkedFiles(input: {
  composeFiles: readonly SourceFile[];
  changedPaths: ReadonlySet<string>;
  changedDockerfiles: readonly string[];
  tree: ReadonlySet<string>;
  /** Dockerfiles in the tree beside a changed .dockerignore are linked too. */
  dockerfilesBeside?: (dir: string) => string[];
  /** Files the PR deletes: a deleted .dockerignore changes its builds as much as an edited one. */
  removedPaths?: ReadonlySet<string>;
  /** For a Compose file's path, the other Compose files of its directory in the tree; [] for other paths. */
  composeFilesBeside?: (path: string) => string[];
}): { paths: Set<string>; composeToKeep: Set<string> } {
  const ignoresChanged = [...input.changedPaths, ...(input.removedPaths ?? [])].filter((p) => p.endsWith(".dockerignore"));
  const composeFiles = input.composeFiles.map((f) => parseCompose(f.path, f.content));
  const project = buildProject({ dockerfiles: [], composeFiles, dockerignores: [], tree: [...input.tree] });
  const paths = new Set<string>();
  const composeToKeep = new Set<string>();
  for (const s of project.services) {
    const changedCompose = input.changedPaths.has(s.composeFile);
    const buildsChanged = s.dockerfilePath !== null && input.changedDockerfiles.includes(s.dockerfilePath);
    const contextIgnoreChanged = s.contextDir !== null && ignoresChanged.includes(dockerignoreIn(s.contextDir));
    if (!changedCompose && !buildsChanged && !contextIgnoreChanged) continue;
    composeToKeep.add(s.composeFile);
    if (s.dockerfilePath && input.tree.has(s.dockerfilePath)) paths.add(s.dockerfilePath);
    if (s.dockerfilePath && input.tree.has(ownDockerignore(s.dockerfilePath))) paths.add(ownDockerignore(s.dockerfilePath));
    if (s.contextDir !== null && input.tree.has(dockerignoreIn(s.contextDir))) paths.add(dockerignoreIn(s.contextDir));
  }
  for (const c of input.composeFiles) if (input.changedPaths.has(c.path)) composeToKeep.add(c.path);
  // Compose merges the files of a directory (an override, a production file): what one defines
  // decides what the other lacks, so a changed Compose file is read with the rest of its directory.
  for (const p of [...input.changedPaths, ...(input.removedPaths ?? [])]) for (const c of input.composeFilesBeside?.(p) ?? []) composeToKeep.add(c);
  for (const d of input.changedDockerfiles) {
    for (const ignore of [dockerignoreIn(dirname(d)), ownDockerignore(d)]) if (input.tree.has(ignore)) paths.add(ignore);
  }
  for (const p of ignoresChanged) for (const d of input.dockerfilesBeside?.(dirname(p)) ?? []) paths.add(d);
  for (const p of composeToKeep) paths.add(p);
  return { paths, composeToKeep };
}
