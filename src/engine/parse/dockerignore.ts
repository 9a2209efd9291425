import dockerignoreModule from "@balena/dockerignore";
import { trimSlashes } from "../paths.js";
import { compileDockerPattern, type PathMatcher } from "./docker-pattern.js";

// The package is CommonJS with an ESM-style declaration; Node hands the factory over as the default.
const dockerignore = dockerignoreModule as unknown as typeof dockerignoreModule.default;

export interface DockerignoreModel {
  kind: "dockerignore";
  path: string;
  /** Directory the file applies to ("" for the repository root). */
  dir: string;
  patterns: string[];
  /** True when Docker would leave `relPath` (relative to the build context) out of the context. */
  ignores(relPath: string): boolean;
}

export function parseDockerignore(path: string, text: string): DockerignoreModel {
  const patterns = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const matcher = dockerignore({ ignorecase: false }).add(patterns);
  linearMatching(matcher);
  const dir = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
  return {
    kind: "dockerignore",
    path,
    dir,
    patterns,
    ignores: (relPath) => {
      const clean = trimSlashes(relPath.replace(/^\.\/+/, ""));
      if (!clean || clean === ".") return false;
      try {
        return matcher.ignores(clean);
      } catch {
        return false;
      }
    },
  };
}

/** A pattern as the package keeps it. */
interface PatternRule {
  pattern: string;
}

/** The package's own rule handling (order, `!`, parent directories) with a matcher that cannot backtrack. */
function linearMatching(matcher: object): void {
  const compiled = new Map<PatternRule, PathMatcher>();
  (matcher as { _match(file: string, rule: PatternRule): boolean })._match = (file, rule) => {
    let match = compiled.get(rule);
    if (!match) compiled.set(rule, (match = compileDockerPattern(rule.pattern)));
    return match(file);
  };
}
