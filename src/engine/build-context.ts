import type { ComposeModel } from "./parse/compose.js";
import type { DockerfileModel } from "./parse/dockerfile.js";
import { memo } from "./memo.js";
import type { DockerignoreModel } from "./parse/dockerignore.js";
import { dirname, joinPath, trimSlashes } from "./paths.js";
import type { Project } from "./project.js";
import { instructionsNamed } from "./instruction-index.js";
import { copyOperands } from "./copy.js";
import { isRemoteSource } from "./sources.js";

export interface BuildContext {
  /** Repository-relative directory ("" for the root). */
  dir: string;
  /** The .dockerignore that applies: null when there is none, undefined when the tree is unknown. */
  dockerignore: DockerignoreModel | null | undefined;
  /** How the directory was chosen. */
  source: "compose" | "sources" | "sibling" | "ancestor" | "dockerfile-dir";
}

/**
 * The build contexts a Dockerfile is built with. A Compose service that builds it names its context.
 * Otherwise the context is guessed, in order: the directory (the Dockerfile's or one above it) where
 * the files it COPYs exist; the context Compose uses for other Dockerfiles of the same directory; the
 * Dockerfile's own directory, or, when that has no .dockerignore, the nearest directory above it
 * that has one.
 */
export function buildContexts(model: DockerfileModel, project: Project): BuildContext[] {
  const out: BuildContext[] = [];
  const building = project.servicesBuilding(model.path).filter((s) => s.contextDir !== null);
  // Services of an override file (one that depends on services it does not define, meant for
  // `-f base.yml -f override.yml`) resolve `build: .` against the first file's directory, which is
  // unknown here: trust them only when no self-contained Compose file builds this Dockerfile.
  const selfContained = building.filter((s) => !isFragment(project, s.composeFile));
  for (const s of selfContained.length ? selfContained : building) {
    if (!out.some((c) => c.dir === s.contextDir)) out.push({ dir: s.contextDir as string, dockerignore: s.dockerignore, source: "compose" });
  }
  if (out.length) return out;
  const own = dirname(model.path);
  const bySources = contextFromSources(model, project, own);
  if (bySources !== null) return [{ dir: bySources, dockerignore: project.dockerignoreFor(bySources), source: "sources" }];
  const sibling = project.services.find((s) => s.dockerfilePath && dirname(s.dockerfilePath) === own && s.contextDir !== null && s.contextDir !== own);
  if (sibling?.contextDir != null) return [{ dir: sibling.contextDir, dockerignore: project.dockerignoreFor(sibling.contextDir), source: "sibling" }];
  const ownIgnore = project.dockerignoreFor(own);
  if (ownIgnore === null) {
    // A Dockerfile kept in a subfolder (`docker/Dockerfile.alpine`) with no sign of its context is
    // usually built from the nearest folder above that has a .dockerignore.
    for (let d = own; d !== ""; ) {
      d = dirname(d);
      const ignore = project.dockerignoreFor(d);
      if (ignore) return [{ dir: d, dockerignore: ignore, source: "ancestor" }];
    }
  }
  return [{ dir: own, dockerignore: ownIgnore, source: "dockerfile-dir" }];
}

/** The nearest directory, from the Dockerfile's up to the root, in which a file the Dockerfile COPYs exists. */
function contextFromSources(model: DockerfileModel, project: Project, own: string): string | null {
  const sources: string[] = [];
  for (const keyword of ["COPY", "ADD"]) {
    for (const ins of instructionsNamed(model, keyword)) {
      if (ins.flags.some((f) => f.name.toLowerCase() === "from")) continue;
      for (const s of copyOperands(model, ins).sources) {
        const v = s.value.replace(/^\.\//, "");
        if (v && v !== "." && !/[*?[$]/.test(v) && !isRemoteSource(v) && !v.startsWith("/")) sources.push(trimSlashes(v));
      }
    }
  }
  if (!sources.length) return null;
  const candidates: string[] = [];
  for (let d: string | null = own; d !== null; d = d === "" ? null : dirname(d)) candidates.push(d);
  for (const dir of candidates) {
    if (sources.some((src) => { const p = joinPath(dir, src); return p !== null && project.exists(p) === true; })) return dir;
  }
  return null;
}

/** True when BuildKit's per-Dockerfile ignore file (`<Dockerfile>.dockerignore`) sits beside it. */
export function hasOwnDockerignore(model: DockerfileModel, project: Project): boolean {
  return project.exists(`${model.path}.dockerignore`) === true || project.dockerignores.some((d) => d.path === `${model.path}.dockerignore`);
}

/** A Compose file whose services depend on, link to or extend services it does not define. */
function isFragment(project: Project, composePath: string): boolean {
  const file = project.composeFiles.find((c) => c.path === composePath);
  return file ? memo(fragments, file, fragmentFile) : false;
}

/** Answered once per file: asked once per service that builds a Dockerfile, it was the square of the services. */
const fragments = new WeakMap<ComposeModel, boolean>();

function fragmentFile(file: ComposeModel): boolean {
  const names = new Set(file.services.map((s) => s.name));
  return file.services.some((s) => s.partial || s.dependsOn.some((d) => !names.has(d.service)));
}

/** Whole-context sources: `.`, `./`, `*`. */
export const isWholeContext = (source: string): boolean => /^(\.|\.\/|\.\/\.|\*|\.\/\*)$/.test(source);

/**
 * The names of the extra build contexts (`build.additional_contexts`, a mapping or `name=source`
 * list) that Compose passes when it builds the Dockerfile at `path`, lower-cased. A stage can
 * `FROM` or `COPY --from` one of them as it would a stage or an image.
 */
export function additionalContextNames(project: Project, path: string): Set<string> {
  const names = new Set<string>();
  for (const s of project.servicesBuilding(path)) {
    const build = s.compose.data.build;
    const extra = build && typeof build === "object" ? (build as Record<string, unknown>).additional_contexts : null;
    const keys = Array.isArray(extra) ? extra.map((e) => String(e).split("=")[0]) : extra && typeof extra === "object" ? Object.keys(extra) : [];
    for (const key of keys) names.add(key.trim().toLowerCase());
  }
  return names;
}
