import { spawnSync } from "node:child_process";
import type { ShellChecker, ShellcheckFinding } from "./engine/rule.js";

/**
 * The impure half of the `shellcheck` rule: runs the `shellcheck` binary on one script. Pass the
 * result of `createShellchecker()` as `AuditOptions.shellcheck`.
 *
 * Safety: the binary is started directly (never through a shell), the script goes in on stdin,
 * and the only arguments are fixed strings plus a dialect from a fixed list, so nothing from the
 * audited files reaches a command line. Each run has a timeout and an output cap.
 */

export interface ShellcheckOptions {
  /** Program to run; default `shellcheck` on PATH. */
  binary?: string;
  /** Per-script time limit; default 10 s (real scripts take well under a second). */
  timeoutMs?: number;
}

const DIALECTS = new Set(["sh", "bash", "dash", "ksh"]);
/** Codes a Dockerfile cannot act on (sourced files, a shebang it cannot carry), as in hadolint. */
const EXCLUDED = "SC1090,SC1091,SC2187";
const LEVELS = new Set(["error", "warning", "info", "style"]);
const MAX_CACHE = 500;

export function createShellchecker(options: ShellcheckOptions = {}): ShellChecker {
  const binary = options.binary ?? "shellcheck";
  const timeout = options.timeoutMs ?? 10_000;
  let unavailable = false;
  const cache = new Map<string, ShellcheckFinding[]>();

  return (script, dialect) => {
    if (unavailable || !DIALECTS.has(dialect)) return null;
    const key = `${dialect}\u0000${script}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const result = spawnSync(binary, ["--format=json1", `--shell=${dialect}`, `--exclude=${EXCLUDED}`, "-"], {
      input: script,
      encoding: "utf8",
      timeout,
      maxBuffer: 16 * 1024 * 1024,
      shell: false,
      windowsHide: true,
    });
    const error = result.error as NodeJS.ErrnoException | undefined;
    if (error?.code === "ETIMEDOUT") return "timeout";
    // Missing binary (ENOENT), not executable, or a ShellCheck too old for json1 (exit 3/4).
    if (error || (result.status !== 0 && result.status !== 1)) {
      unavailable = true;
      return null;
    }
    const findings = parseJson1(result.stdout);
    if (findings === null) {
      unavailable = true;
      return null;
    }
    if (cache.size >= MAX_CACHE) cache.delete(cache.keys().next().value as string);
    cache.set(key, findings);
    return findings;
  };
}

/** ShellCheck's `--format=json1` output: `{ "comments": [{ line, column, endLine, endColumn, level, code, message }] }`. */
export function parseJson1(stdout: string): ShellcheckFinding[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout || '{"comments":[]}');
  } catch {
    return null;
  }
  const comments = (parsed as { comments?: unknown })?.comments;
  if (!Array.isArray(comments)) return null;
  return comments.flatMap((c: Record<string, unknown>) => {
    const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
    const line = num(c.line);
    const column = num(c.column);
    const code = num(c.code);
    if (line === null || column === null || code === null || typeof c.message !== "string" || !LEVELS.has(String(c.level))) return [];
    return [{
      line,
      column,
      endLine: num(c.endLine) ?? line,
      endColumn: num(c.endColumn) ?? column,
      code,
      level: c.level as ShellcheckFinding["level"],
      message: c.message,
    }];
  });
}

/** The default checker: `shellcheck` from PATH. */
export const shellcheck: ShellChecker = createShellchecker();
