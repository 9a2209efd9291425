import { parseDocument } from "yaml";
import { MAX_CONFIG_BYTES, problemLines, type ConfigProblem } from "../../engine/index.js";
import type { GitHub } from "./types.js";

/** How many configs a chain of `_extends` may pull in, one from another (each is one request). */
export const MAX_EXTENDS = 5;

export interface ConfigFile {
  owner: string;
  repo: string;
  path: string;
  /** Its text, kept to give each problem its line; null when there is no such file. */
  text: string | null;
  /** The parsed file without `_extends`; null when there is no such file. */
  config: unknown;
}

export type ConfigFiles = { ok: true; files: ConfigFile[] } | { ok: false; problems: ConfigProblem[] };

/** `owner`, `owner/repo` or `repo:path.yml`, as Probot's config plugin reads `_extends`. */
const EXTENDS = /^(?:([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/)?([-_.\w\d]+)(?::([-_./\w\d]+\.ya?ml))?$/i;

const where = (f: { owner: string; repo: string; path: string }) => `${f.owner}/${f.repo}:${f.path}`;

/**
 * The config files in the order they apply, most specific first, as Probot's `context.config`
 * finds them: `path` in the repository (at `ref`), else in the owner's `.github` repository, then
 * each config its `_extends` names. A chain is followed `MAX_EXTENDS` configs deep at most, and
 * one that comes back to a config it holds is refused: either is a problem naming the chain.
 */
export async function readConfigFiles(gh: GitHub, repo: { owner: string; repo: string }, path: string, ref?: string): Promise<ConfigFiles> {
  const files: ConfigFile[] = [];
  const read = async (at: { owner: string; repo: string; path: string; ref?: string }): Promise<ConfigProblem[] | null> => {
    const text = await fetchText(gh, at);
    if (text === DIRECTORY) return [{ key: "(file)", message: `${where(at)} is a directory or a submodule, not a config file` }];
    if (text === null) {
      files.push({ owner: at.owner, repo: at.repo, path: at.path, text: null, config: null });
      return null;
    }
    // Refused before the parser sees it, wherever it comes from (the repository's own file is named by the problem's key).
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_CONFIG_BYTES) return [tooLarge(bytes, files.some((f) => f.config !== null) || at.repo !== repo.repo || at.owner !== repo.owner ? where(at) : null)];
    const doc = parseDocument(text);
    let config: unknown;
    try {
      if (doc.errors.length) throw doc.errors[0];
      config = doc.toJS({ maxAliasCount: 100 }) ?? {};
    } catch (e) {
      const err = e as { message?: string; linePos?: { line: number }[] };
      const why = String(err.message ?? e).split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
      const line = err.linePos?.[0]?.line;
      return [{ key: "(file)", message: `not valid YAML: ${why} (in ${where(at)})`, ...(line ? { line } : {}) }];
    }
    files.push({ owner: at.owner, repo: at.repo, path: at.path, text, config });
    return null;
  };

  const problems = (await read({ ...repo, path, ref })) ?? (files[0].config === null && repo.repo !== ".github" ? await read({ owner: repo.owner, repo: ".github", path }) : null);
  if (problems) return { ok: false, problems };
  for (;;) {
    const last = files[files.length - 1];
    const config = last.config;
    // The line of `_extends` is given in the repository's own file (or the `.github` one it falls back to) only.
    const bad = (message: string): ConfigFiles => {
      const problem = { key: "_extends", path: ["_extends"], message };
      return { ok: false, problems: last.text !== null && last === files.find((f) => f.config !== null) ? problemLines(last.text, [problem]) : [{ key: problem.key, message }] };
    };
    if (typeof config !== "object" || config === null || Array.isArray(config) || !Object.hasOwn(config, "_extends")) return { ok: true, files };
    const { _extends: value, ...rest } = config as Record<string, unknown>;
    last.config = rest;
    const match = typeof value === "string" ? EXTENDS.exec(value) : null;
    if (!match) return bad(`Invalid value ${JSON.stringify(value)} for _extends in ${where(last)}: name a repository (\`repo\`, \`owner/repo\`) or a file in one (\`repo:path/to/file.yml\`)`);
    const next = { owner: match[1] || repo.owner, repo: match[2], path: match[3] || path };
    // Named as `_extends` names them: short enough to show a whole chain.
    const named = (f: { owner: string; repo: string; path: string }) => `${f.owner === repo.owner ? "" : `${f.owner}/`}${f.repo}${f.path === path ? "" : `:${f.path}`}`;
    const chain = [...files.filter((f) => f.config !== null), next].map(named).join(" → ");
    if (files.some((f) => f.owner === next.owner && f.repo === next.repo && f.path === next.path)) {
      return bad(`loops back to ${where(next)} (${chain}), so the settings would never end`);
    }
    const extended = files.length - 1 - (files[0].config === null ? 1 : 0);
    if (extended >= MAX_EXTENDS) {
      return bad(`chains more than ${MAX_EXTENDS} configs (${chain}): at most ${MAX_EXTENDS} may be extended, one from another; merge some of them`);
    }
    const failed = await read(next);
    if (failed) return { ok: false, problems: failed };
    if (files[files.length - 1].config === null) return { ok: true, files };
  }
}

/** A config over `MAX_CONFIG_BYTES`, refused unparsed; `at` names it when it is not the repository's own file. */
export function tooLarge(bytes: number, at: string | null = null): ConfigProblem {
  return { key: "(file)", message: `is ${bytes} bytes, over the ${MAX_CONFIG_BYTES} bytes a config may hold${at ? ` (in ${at})` : ""}` };
}

const DIRECTORY = Symbol("directory");

/** The file's text at `ref` (the default branch without it), null when there is none. */
async function fetchText(gh: GitHub, at: { owner: string; repo: string; path: string; ref?: string }): Promise<string | null | typeof DIRECTORY> {
  try {
    const { data } = await gh.request("GET /repos/{owner}/{repo}/contents/{path}", { owner: at.owner, repo: at.repo, path: at.path, ...(at.ref ? { ref: at.ref } : {}), mediaType: { format: "raw" } });
    // Octokit decodes text only when the answer names a charset; without one the file comes as bytes.
    if (data instanceof ArrayBuffer) return Buffer.from(data).toString("utf8");
    // A directory or a submodule answers with its JSON listing even when the raw file is asked for.
    if (typeof data === "object" && data !== null) return DIRECTORY;
    return typeof data === "string" ? data : "";
  } catch (e) {
    if ((e as { status?: number }).status === 404) return null;
    throw e;
  }
}
