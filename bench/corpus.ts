/**
 * The benchmark's view of the shared real-world corpus: read in place from `../shared/corpus/real`
 * (beside the clone), never copied into the repository.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export type Kind = "dockerfile" | "compose" | "dockerignore";

export interface CorpusFile {
  /** Absolute path on disk. */
  abs: string;
  /** `<owner>__<repo>`: one project, audited as a whole like one pull request's repository. */
  project: string;
  /** Path inside the project, as the engine and the app see it. */
  path: string;
  kind: Kind;
  bytes: number;
}

/** The repository root, from the compiled file (`dist/bench/x.js`) or the source (`bench/x.ts`). */
export function repoRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const up = dirname(here);
  return basename(up) === "dist" ? dirname(up) : up;
}

export function defaultCorpusDir(): string {
  return resolve(repoRoot(), "..", "shared", "corpus", "real");
}

/** Lists the corpus from its MANIFEST.tsv (repo, commit, kind, bytes, path, source). */
export function loadCorpus(dir: string): CorpusFile[] {
  const manifest = readFileSync(join(dir, "MANIFEST.tsv"), "utf8");
  const files: CorpusFile[] = [];
  for (const line of manifest.split("\n").slice(1)) {
    if (!line.trim()) continue;
    const [repo, , kind, bytes, path] = line.split("\t");
    if (kind !== "dockerfile" && kind !== "compose" && kind !== "dockerignore") continue;
    const project = repo.replace("/", "__");
    const abs = join(dir, project, path);
    if (!existsSync(abs)) continue;
    files.push({ abs, project, path, kind, bytes: Number(bytes) });
  }
  return files;
}

/** Every `step`-th file of each kind, for `--quick` runs (same spread of projects and sizes). */
export function sample<T>(items: readonly T[], step: number): T[] {
  return step <= 1 ? [...items] : items.filter((_, i) => i % step === 0);
}

/**
 * Warm-up passes over a sample so that the JIT has seen as many files as `fullPasses` passes over
 * the whole corpus give it: the engine has far more code to warm than the floor, so a sample
 * warmed up as briefly as the whole corpus is measured partly cold, against the engine.
 */
export function warmupPasses(sampleFiles: number, totalFiles: number, fullPasses: number): number {
  if (sampleFiles <= 0) return fullPasses;
  return Math.max(fullPasses, Math.ceil((fullPasses * totalFiles) / sampleFiles));
}

export function groupByProject<T extends { project: string }>(files: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const f of files) {
    const g = groups.get(f.project);
    if (g) g.push(f);
    else groups.set(f.project, [f]);
  }
  return groups;
}
