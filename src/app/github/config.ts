import { ConfigError, problemLines, resolveConfig, type Config, type ConfigProblem, type RuleMeta } from "../../engine/index.js";
import { readConfigFiles, type ConfigFile } from "./config-files.js";
import type { GitHub } from "./types.js";

export { MAX_EXTENDS } from "./config-files.js";

export const CONFIG_PATH = ".github/dockaudit.yml";

export type LoadedConfig = { ok: true; config: Config; found: boolean } | { ok: false; problems: ConfigProblem[] };

/**
 * `.github/dockaudit.yml` from the default branch (or at `ref`), falling back to the owner's
 * `.github` repository and following `_extends`, as Probot's `context.config` does; validated by the engine.
 */
export async function loadConfig(gh: GitHub, repo: { owner: string; repo: string }, rules: readonly RuleMeta[], ref?: string): Promise<LoadedConfig> {
  const read = await readConfigFiles(gh, repo, CONFIG_PATH, ref);
  if (!read.ok) return { ok: false, problems: read.problems };
  const { files } = read;
  const found = files.some((f) => f.config !== null);
  // A scalar file (`42`, `false`) or a missing `_extends` target would audit with settings nobody wrote.
  if (files.some((f) => f.config !== null && (typeof f.config !== "object" || Array.isArray(f.config)))) return { ok: false, problems: [{ key: "(file)", message: "must be a mapping" }] };
  const own = files[0].config === null && repo.repo !== ".github" ? 2 : 1;
  const missing = files.slice(own).find((f) => f.config === null);
  if (missing) return { ok: false, problems: [{ key: "_extends", message: `${missing.owner}/${missing.repo}:${missing.path} was not found (or the app is not installed on ${missing.owner}/${missing.repo}), so the settings it holds cannot be merged` }] };
  const raw = files.map((f) => f.config).reverse().filter(Boolean).reduce<Record<string, unknown>>((a, b) => deepMerge(a, b as object) as Record<string, unknown>, {});
  try {
    return { ok: true, config: resolveConfig(raw, rules), found };
  } catch (e) {
    if (e instanceof ConfigError) return { ok: false, problems: withLines(files[0].config !== null ? files[0] : files[1], e.problems) };
    throw e;
  }
}

/**
 * The problems with the line of each key in the repository's own config file (or the owner's
 * `.github` one it falls back to); a key only a file it extends holds gets no line.
 */
function withLines(file: ConfigFile | undefined, problems: ConfigProblem[]): ConfigProblem[] {
  return file?.text && problems.some((p) => p.path) ? problemLines(file.text, problems) : problems;
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
