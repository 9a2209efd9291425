import { ConfigError, problemLines, resolveConfig, type Config, type ConfigProblem, type RuleMeta } from "../../engine/index.js";
import type { GitHub } from "./types.js";

export const CONFIG_PATH = ".github/dockaudit.yml";

export type LoadedConfig = { ok: true; config: Config; found: boolean } | { ok: false; problems: ConfigProblem[] };

/**
 * `.github/dockaudit.yml` from the default branch (or at `ref`), falling back to the owner's
 * `.github` repository and following `_extends`, as Probot's `context.config` does; validated by the engine.
 */
export async function loadConfig(gh: GitHub, repo: { owner: string; repo: string }, rules: readonly RuleMeta[], ref?: string): Promise<LoadedConfig> {
  let raw: Record<string, unknown>;
  let found: boolean;
  let files: { owner: string; repo: string; path: string; config: unknown }[];
  try {
    const { config, files: read } = await gh.config.get({ owner: repo.owner, repo: repo.repo, path: CONFIG_PATH, ...(ref ? { branch: ref } : {}), defaults: (configs) => configs.reduce<Record<string, unknown>>((a, b) => deepMerge(a, b) as Record<string, unknown>, {}) });
    raw = config as Record<string, unknown>;
    files = read;
    found = files.some((f) => f.config !== null);
    // The plugin reads a scalar file as itself (`42`) or as {} (`false`, `0`), and a missing
    // `_extends` target as no settings at all: either would audit with settings nobody wrote.
    if (files.some((f) => f.config !== null && (typeof f.config !== "object" || Array.isArray(f.config)))) return { ok: false, problems: [{ key: "(file)", message: "must be a mapping" }] };
    const own = files[0].config === null && repo.repo !== ".github" ? 2 : 1;
    const missing = files.slice(own).find((f) => f.config === null);
    if (missing) return { ok: false, problems: [{ key: "_extends", message: `${missing.owner}/${missing.repo}:${missing.path} was not found (or the app is not installed on ${missing.owner}/${missing.repo}), so the settings it holds cannot be merged` }] };
  } catch (e) {
    const message = (e as Error).message ?? String(e);
    if (/could not be parsed|Recursion detected|directory or a submodule|Invalid value .* for _extends/.test(message)) {
      // The YAML parser's own error, which the plugin keeps as the cause, says what is wrong and where.
      const cause = (e as { cause?: { message?: unknown; linePos?: { line: number }[] } }).cause;
      const plugin = message.replace(/^\[@probot\/octokit-plugin-config\] /, "");
      const why = typeof cause?.message === "string" ? cause.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "") : null;
      const line = cause?.linePos?.[0]?.line;
      const at = /\/repos\/([^/]+)\/([^/]+)\/contents\/([^?\s]+)/.exec(plugin);
      const where = at ? `${at[1]}/${at[2]}:${decodeURIComponent(at[3])}` : plugin;
      return { ok: false, problems: [{ key: "(file)", message: why ? `not valid YAML: ${why} (in ${where})` : plugin, ...(line ? { line } : {}) }] };
    }
    throw e;
  }
  try {
    return { ok: true, config: resolveConfig(raw, rules), found };
  } catch (e) {
    if (e instanceof ConfigError) return { ok: false, problems: await withLines(gh, files[0].config !== null ? { ...files[0], ref } : files[1], e.problems) };
    throw e;
  }
}

/**
 * The problems with the line of each key in the repository's own config file, read again (the
 * config plugin keeps only the parsed value); a key only a file it extends holds gets no line,
 * and neither does any key when the file cannot be read again.
 */
async function withLines(gh: GitHub, file: { owner: string; repo: string; path: string; ref?: string } | undefined, problems: ConfigProblem[]): Promise<ConfigProblem[]> {
  if (!file || !problems.some((p) => p.path)) return problems;
  try {
    const { data } = await gh.request("GET /repos/{owner}/{repo}/contents/{path}", { owner: file.owner, repo: file.repo, path: file.path, ...(file.ref ? { ref: file.ref } : {}), mediaType: { format: "raw" } });
    return typeof data === "string" ? problemLines(data, problems) : problems;
  } catch {
    return problems;
  }
}

/**
 * Objects merge key by key; anything else (lists included) from `b` replaces `a`. A null over a
 * mapping (a section whose entries are all commented out) is an empty mapping, so it changes nothing.
 */
export function deepMerge(a: object, b: object): object {
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    if (v === null && isPlain(prev)) continue;
    out[k] = isPlain(prev) && isPlain(v) ? deepMerge(prev, v) : v;
  }
  return out;
}

const isPlain = (v: unknown): v is object => typeof v === "object" && v !== null && !Array.isArray(v);
