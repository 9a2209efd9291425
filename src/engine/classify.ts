import { compileGlobs } from "./glob.js";
import type { FileKind } from "./types.js";

export interface FilePatterns {
  dockerfile: string[];
  compose: string[];
  dockerignore: string[];
}

export const DEFAULT_PATTERNS: FilePatterns = {
  dockerfile: ["**/Dockerfile", "**/Dockerfile.*", "**/Dockerfile-*", "**/*.Dockerfile", "**/*.dockerfile", "**/Containerfile", "**/Containerfile.*"],
  compose: ["**/compose.yml", "**/compose.yaml", "**/compose.*.yml", "**/compose.*.yaml", "**/docker-compose*.yml", "**/docker-compose*.yaml", "**/*.compose.yml", "**/*.compose.yaml", "**/*.compose.*.yml", "**/*.compose.*.yaml"],
  dockerignore: ["**/.dockerignore", "**/*.dockerignore"],
};

export type Classifier = (path: string) => FileKind | null;

/** Builds a path classifier; `extra` patterns add to the defaults for each kind. */
export function createClassifier(extra: Partial<FilePatterns> = {}): Classifier {
  const matchers = (["dockerignore", "compose", "dockerfile"] as const).map((kind) => {
    const patterns = [...DEFAULT_PATTERNS[kind], ...(extra[kind] ?? [])];
    return [kind, compileGlobs(patterns, { nocase: kind === "dockerfile" })] as const;
  });
  return (path) => {
    for (const [kind, match] of matchers) if (match(path)) return kind;
    return null;
  };
}
