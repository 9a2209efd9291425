import type { ComposeModel, ComposeService } from "./parse/compose.js";
import type { DfStage, DockerfileModel } from "./parse/dockerfile.js";
import type { DockerignoreModel } from "./parse/dockerignore.js";
import { dirname, joinPath } from "./paths.js";
import { baseImageRef } from "./image-refs.js";
import { resolvedOrNull } from "./compose-values.js";
import { imageDefaultsToNonRoot, isRootUser, isUnknownImage, stageHealthcheck, stageUser } from "./users.js";
import { lifecycleOf, type Lifecycle } from "./service-lifecycle.js";

export interface EffectiveUser {
  user: string | null;
  /** true root, false non-root, null unknown (a plain image with no `user:`, or a variable). */
  root: boolean | null;
  source: "compose" | "dockerfile" | "image-default" | "unknown";
}

export interface ProjectService {
  name: string;
  composeFile: string;
  compose: ComposeService;
  /** Path of the build Dockerfile, resolved against the Compose file's directory. */
  dockerfilePath: string | null;
  dockerfile: DockerfileModel | null;
  stage: DfStage | null;
  contextDir: string | null;
  /** The context's .dockerignore; undefined when the file tree is unknown, null when absent. */
  dockerignore: DockerignoreModel | null | undefined;
  user: EffectiveUser;
  /** `image`: a Compose `healthcheck:` of options only, on an image not built here, which runs the image's own test. */
  healthcheck: { defined: boolean; source: "compose" | "dockerfile" | "image" | null; disabled: boolean };
  restart: string | null;
  limits: { memory: string | null; cpus: string | null };
  /**
   * `run-once` for a job that runs and exits (a migration, a seed, a test run), `scaled-to-zero`
   * for a service with no replicas: neither a healthcheck nor a restart policy is asked of those.
   */
  lifecycle: Lifecycle;
}

export interface Project {
  dockerfiles: DockerfileModel[];
  composeFiles: ComposeModel[];
  dockerignores: DockerignoreModel[];
  services: ProjectService[];
  /** true / false when the file tree is known, null when it is not. */
  exists(path: string): boolean | null;
  /** Whether a directory holds any file (the root always does): true / false, null when the tree is not known. */
  hasDirectory(dir: string): boolean | null;
  /** Whether any path of the repository passes `test`: true / false, null when none does and the tree is not known whole. */
  anyPath(test: (path: string) => boolean): boolean | null;
  /** The .dockerignore that applies to a build context directory; undefined when unknowable. */
  dockerignoreFor(contextDir: string): DockerignoreModel | null | undefined;
  /** Services, in any Compose file, that build from this Dockerfile. */
  servicesBuilding(dockerfilePath: string): ProjectService[];
  /**
   * True when this run holds every Compose file there is (as far as the tree tells), so what no
   * file of the run defines is defined nowhere: false when the tree lists a Compose file that is
   * not in the run (not fetched, ignored, skipped).
   */
  composeFilesComplete(): boolean;
}

export interface ProjectInput {
  dockerfiles: DockerfileModel[];
  composeFiles: ComposeModel[];
  dockerignores: DockerignoreModel[];
  /** Every path in the repository or the audited directory, when known. */
  tree?: readonly string[];
  /** `tree` is a part of the repository only: what it lacks is unknown, not absent. */
  treeTruncated?: boolean;
  /** Whether a Compose file exists that the run does not parse; asked at most once, when a rule needs it. */
  composeFilesElsewhere?: () => boolean;
}

export function buildProject(input: ProjectInput): Project {
  const tree = input.tree ? new Set(input.tree) : null;
  const known = new Set<string>([...input.dockerfiles, ...input.composeFiles, ...input.dockerignores].map((f) => f.path));
  const exists = (path: string): boolean | null => (known.has(path) || tree?.has(path) ? true : tree && !input.treeTruncated ? false : null);
  const dockerfileByPath = new Map(input.dockerfiles.map((d) => [d.path, d]));
  const ignoreByDir = new Map(input.dockerignores.map((d) => [d.dir, d]));
  const dockerignoreFor = (contextDir: string) => {
    const found = ignoreByDir.get(contextDir);
    if (found) return found;
    return exists(contextDir ? `${contextDir}/.dockerignore` : ".dockerignore") === false ? null : undefined;
  };

  const services = input.composeFiles.flatMap((compose) =>
    compose.services.map((svc) => linkService(compose, svc, dockerfileByPath, dockerignoreFor)),
  );
  let dirs: Set<string> | undefined;
  const hasDirectory = (dir: string): boolean | null => {
    if (dir === "") return true;
    dirs ??= directoriesOf([...known, ...(tree ?? [])]);
    return dirs.has(dir) ? true : tree && !input.treeTruncated ? false : null;
  };
  let complete: boolean | undefined;
  const { composeFilesElsewhere, ...models } = input;
  return {
    ...models,
    services,
    exists,
    hasDirectory,
    anyPath: (test) => ([...known].some(test) || (tree !== null && [...tree].some(test)) ? true : tree && !input.treeTruncated ? false : null),
    dockerignoreFor,
    servicesBuilding: (path) => services.filter((s) => s.dockerfilePath === path),
    composeFilesComplete: () => (complete ??= !composeFilesElsewhere?.()),
  };
}

/** Every directory that holds one of `paths`, at any depth. */
function directoriesOf(paths: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const path of paths) {
    for (let i = path.lastIndexOf("/"); i > 0; i = path.lastIndexOf("/", i - 1)) {
      const dir = path.slice(0, i);
      if (out.has(dir)) break;
      out.add(dir);
    }
  }
  return out;
}

function linkService(
  compose: ComposeModel,
  svc: ComposeService,
  dockerfiles: Map<string, DockerfileModel>,
  dockerignoreFor: Project["dockerignoreFor"],
): ProjectService {
  const base = dirname(compose.path);
  const contextDir = svc.build && !/^[a-z]+:\/\//i.test(svc.build.context) ? joinPath(base, svc.build.context) : null;
  const dockerfilePath = contextDir !== null && svc.build && !svc.build.inline ? joinPath(contextDir, svc.build.dockerfile) : null;
  const dockerfile = dockerfilePath ? dockerfiles.get(dockerfilePath) ?? null : null;
  const stage = dockerfile ? pickStage(dockerfile, svc.build?.target ?? null) : null;
  const hcStage = stage ? stageHealthcheck(stage) : null;
  return {
    name: svc.name,
    composeFile: compose.path,
    compose: svc,
    dockerfilePath,
    dockerfile,
    stage,
    contextDir,
    dockerignore: contextDir === null ? undefined : dockerignoreFor(contextDir),
    user: effectiveUser(svc, dockerfile && stage ? { dockerfile, stage } : null),
    healthcheck: svc.healthcheck.defined
      ? { defined: true, source: "compose", disabled: false }
      : svc.healthcheck.disabled
        ? { defined: false, source: null, disabled: true }
        : svc.healthcheck.imageTest && !stage
          ? { defined: true, source: "image", disabled: false }
          : { defined: !!hcStage?.enabled, source: hcStage?.enabled ? "dockerfile" : null, disabled: hcStage?.enabled === false },
    restart: svc.restart,
    limits: svc.limits,
    lifecycle: lifecycleOf(compose, svc),
  };
}

function pickStage(df: DockerfileModel, target: string | null): DfStage | null {
  if (!target) return df.finalStage;
  return df.stages.find((s) => s.name?.toLowerCase() === target.toLowerCase()) ?? null;
}

function effectiveUser(svc: ComposeService, built: { dockerfile: DockerfileModel; stage: DfStage } | null): EffectiveUser {
  // `${UID:-0}:${GID:-0}` is root unless the environment says otherwise; `${UID}` alone is unknown.
  if (svc.user) return { user: svc.user, root: isRootUser(resolvedOrNull(svc.user) ?? svc.user), source: "compose" };
  if (built) {
    const u = stageUser(built.stage);
    if (u) return { user: u.user, root: isRootUser(u.user), source: "dockerfile" };
    const image = baseImageRef(built.dockerfile, built.stage);
    // `FROM ${BASE_IMAGE}`: the base image, and so its USER, is chosen at build time.
    if (image && isUnknownImage(image)) return { user: null, root: null, source: "unknown" };
    if (image && imageDefaultsToNonRoot(image)) return { user: null, root: false, source: "image-default" };
    return { user: "root", root: true, source: "image-default" };
  }
  if (svc.image && imageDefaultsToNonRoot(svc.image)) return { user: null, root: false, source: "image-default" };
  return { user: null, root: null, source: "unknown" };
}
