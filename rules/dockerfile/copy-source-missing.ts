import { buildContexts, type BuildContext } from "../../src/engine/build-context.js";
import { copyOperands } from "../../src/engine/copy.js";
import type { DfWord } from "../../src/engine/parse/dockerfile.js";
import { isWindowsStage } from "../../src/engine/platform.js";
import { dirname } from "../../src/engine/paths.js";
import type { Project } from "../../src/engine/project.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { isRemoteSource } from "../../src/engine/sources.js";

/** A source written as a plain path: no glob, variable, escape, quote, or `host:` of a Git URL. */
const PLAIN = /^[^*?[\]${}\\'"`:]+$/;
/**
 * Folders a build step before `docker build` fills and Git does not hold: build output, installed
 * dependencies, `.git` itself. A path through one of them that the repository lacks is not a typo.
 */
const GENERATED_DIRS = new Set([
  ".git", "node_modules", "vendor", "dist", "build", "_build", "target", "out", "bin", "obj", "publish",
  "release", "releases", "artifacts", "deps", "lib", "generated", "gen", "tmp", ".cache", "coverage",
  ".next", ".nuxt", ".output", ".svelte-kit", ".venv", "venv", "wheels", "wheelhouse", ".gradle", ".m2",
]);
/**
 * Files that are built, downloaded or kept out of Git on purpose: archives, binaries, packages,
 * keys, `.env` files, and the registry credentials (`.npmrc`, `.pypirc`, `.netrc`) CI writes.
 */
const GENERATED_FILE = /\.(jar|war|ear|whl|egg|zip|tar|tgz|gz|bz2|xz|zst|deb|rpm|apk|exe|dll|so|dylib|a|o|class|pyc|nupkg|gem|bin|msi|pem|key|crt|p12|pfx|jks|env)$|\.min\.(js|css)$|^\.env(\..*)?$|^\.(npmrc|pypirc|netrc)$/i;
/** GoReleaser builds its images from a folder of built binaries, not from the repository. */
const GORELEASER = [".goreleaser.yml", ".goreleaser.yaml", "goreleaser.yml", "goreleaser.yaml"];

export default defineDockerfileRule({
  meta: {
    id: "copy-source-missing",
    code: "DF337",
    category: "reliability",
    severity: "warning",
    description: "COPY or ADD names a source that is not in the repository, so the build fails.",
    aliases: [],
    messages: {
      missing: "`{{source}}` is not in the build context `{{context}}`: the repository has no such file or directory, so the build fails at this {{keyword}} (\"failed to compute cache key: … not found\"). Fix the path, or add the file.",
      missingEverywhere: "`{{source}}` is in none of the directories this Dockerfile can be built from ({{contexts}}): the repository has no such file or directory, so the build fails at this {{keyword}} (\"failed to compute cache key: … not found\"). Fix the path, or add the file.",
    },
  },
  check({ model, project, report }) {
    const sources: { word: DfWord; raw: string; path: string; keyword: string }[] = [];
    for (const ins of model.instructions) {
      // ONBUILD triggers are not checked: they copy from the context of the image built FROM this one.
      if ((ins.keyword !== "COPY" && ins.keyword !== "ADD") || ins.flags.some((f) => f.name.toLowerCase() === "from")) continue;
      const stage = model.stages[ins.stageIndex];
      if (!stage || isWindowsStage(model, stage)) continue;
      for (const word of copyOperands(model, ins).sources) {
        const raw = ins.execForm ? word.value : word.value.replace(/^"([^"]*)"$|^'([^']*)'$/, "$1$2");
        const path = literalPath(raw);
        if (path !== null) sources.push({ word, raw, path, keyword: ins.keyword });
      }
    }
    if (!sources.length) return;
    const contexts = candidateContexts(model.path, project, buildContexts(model, project));
    if (!contexts) return;
    // A guessed context is trusted only when the tree holds another of the Dockerfile's sources
    // there: otherwise the files come from elsewhere (a folder assembled by CI, a partial tree).
    if (contexts.guessed && !sources.some((s) => contexts.dirs.some((dir) => present(project, dir, s.path)))) return;
    for (const { word, raw, path, keyword } of sources) {
      if (isGenerated(path) || !contexts.dirs.every((dir) => absent(project, dir, path))) continue;
      const shown = contexts.dirs.map((d) => d || ".");
      const data = { source: raw, keyword };
      if (shown.length === 1) report({ messageId: "missing", data: { ...data, context: shown[0] }, range: word.range });
      else report({ messageId: "missingEverywhere", data: { ...data, contexts: `\`${shown.join("`, `")}\`` }, range: word.range });
    }
  },
});

/**
 * The directories the Dockerfile may be built from. Compose names them (each must be a directory
 * of the repository: a missing one is build-path-missing's); without Compose the Dockerfile's
 * directory, every directory above it (`docker build -f docker/Dockerfile .`) and the engine's own
 * guess are all tried. Null when the build context is not the repository.
 */
function candidateContexts(path: string, project: Project, found: readonly BuildContext[]): { dirs: string[]; guessed: boolean } | null {
  const compose = found.filter((c) => c.source === "compose").map((c) => c.dir);
  if (compose.length) return compose.every((dir) => project.hasDirectory(dir) === true) ? { dirs: compose, guessed: false } : null;
  if (GORELEASER.some((f) => project.exists(f) === true)) return null;
  const dirs: string[] = [];
  for (let d: string | null = dirname(path); d !== null; d = d === "" ? null : dirname(d)) dirs.push(d);
  for (const c of found) if (!dirs.includes(c.dir)) dirs.push(c.dir);
  return { dirs, guessed: true };
}

/** The source as a path under the context root, or null when it is not a local path written out. */
function literalPath(raw: string): string | null {
  // Longer than Linux's PATH_MAX: no checkout holds it, and the folder walks below would be quadratic.
  if (raw.length > 4096 || !PLAIN.test(raw) || isRemoteSource(raw) || raw.startsWith("<<")) return null;
  const segments = raw.split("/").filter((s) => s !== "" && s !== ".");
  return !segments.length || segments.includes("..") ? null : segments.join("/");
}

/** A path that a build step creates, or that Git is not meant to hold. */
function isGenerated(path: string): boolean {
  const segments = path.split("/");
  return segments.some((s) => GENERATED_DIRS.has(s)) || GENERATED_FILE.test(segments[segments.length - 1]);
}

/** `rel` under `dir`: both are already normalised (literalPath leaves no `.`, `..` or empty segment). */
const under = (dir: string, rel: string): string => (dir ? `${dir}/${rel}` : rel);

const present = (project: Project, dir: string, rel: string): boolean => {
  const path = under(dir, rel);
  return project.exists(path) === true || project.hasDirectory(path) === true;
};

/**
 * True only when the tree is known and holds neither a file nor a directory at `rel` under `dir`,
 * and no folder on the way is a file (a symbolic link the tree cannot see through). With Git
 * submodules, whose contents the tree does not list, only a file missing from a listed folder counts.
 */
function absent(project: Project, dir: string, rel: string): boolean {
  const path = under(dir, rel);
  if (project.exists(path) !== false || project.hasDirectory(path) !== false) return false;
  for (let up = dirname(path); up !== "" && up !== dir; up = dirname(up)) {
    if (project.exists(up) !== false) return false;
  }
  if (project.exists(".gitmodules") === true) return project.hasDirectory(dirname(path)) === true && /\.[^./]+$/.test(path);
  return true;
}
