import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import type { FilePatterns } from "./classify.js";
import { BUILTIN_RULES } from "./builtin.js";
import { globProblem } from "./glob.js";
import type { OptionType, RuleMeta, Severity, SeveritySetting } from "./types.js";

export type Grade = "A+" | "A" | "B" | "C" | "D" | "F";
export const GRADES: readonly Grade[] = ["A+", "A", "B", "C", "D", "F"];
export type FailOn = Severity | "none";

export interface Limits {
  maxFileBytes: number;
  maxFiles: number;
  maxTotalBytes: number;
}

/** Hard caps: a config may lower the limits, never raise them past these. */
export const HARD_LIMITS: Limits = { maxFileBytes: 5 * 1024 * 1024, maxFiles: 1000, maxTotalBytes: 16 * 1024 * 1024 };
export const DEFAULT_LIMITS: Limits = { maxFileBytes: 1024 * 1024, maxFiles: 300, maxTotalBytes: 4 * 1024 * 1024 };

export interface RuleSetting {
  severity?: SeveritySetting;
  options?: Record<string, unknown>;
}

export interface Config {
  rules: Record<string, RuleSetting>;
  files: Partial<FilePatterns>;
  ignore: string[];
  /** Globs naming Compose files that only run tests or CI; a leading `!` names a deployment (isTestStack). */
  testStacks: string[];
  failOn: FailOn;
  minGrade: Grade | null;
  onlyNew: boolean;
  maxInlineComments: number;
  drafts: boolean;
  limits: Limits;
}

export const DEFAULT_CONFIG: Config = {
  rules: {},
  files: {},
  ignore: [],
  testStacks: [],
  failOn: "error",
  minGrade: null,
  onlyNew: true,
  maxInlineComments: 25,
  drafts: false,
  limits: DEFAULT_LIMITS,
};

export interface ConfigProblem {
  key: string;
  message: string;
  /** Where the key sits, by mapping keys and list indexes (`["files", "compose", 1]`). */
  path?: (string | number)[];
  /** The 1-based line of the key in the config text, when the problem was found in one. */
  line?: number;
}

type ConfigPath = (string | number)[];
type Bad = (path: ConfigPath, message: string) => void;

/** `rules.DL3008`, `files.compose[1]`: a path as the problems name it. */
const keyOf = (path: ConfigPath) => path.map((p, i) => (typeof p === "number" ? `[${p}]` : i ? `.${p}` : p)).join("");

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(problems.map((p) => `${p.key}${p.line ? ` (line ${p.line})` : ""}: ${p.message}`).join("; "));
    this.name = "ConfigError";
  }
}

/** A config is a few dozen lines: one from a pull request must not make the CLI or the app parse megabytes. */
export const MAX_CONFIG_BYTES = 256 * 1024;

const SEVERITIES = ["error", "warning", "info", "off"];
const TOP_KEYS = ["rules", "files", "ignore", "test_stacks", "fail_on", "min_grade", "only_new", "max_inline_comments", "drafts", "limits", "_extends"];

/** Reports each glob dockaudit cannot read (see glob.ts); true when there is none. */
function globsValid(path: ConfigPath, globs: string[], bad: Bad): boolean {
  const problems = globs.flatMap((g, i) => {
    const problem = globProblem(g);
    // Cut short, never through an emoji: half of one is no valid text to print or send.
    const shown = g.length > 60 ? `${g.slice(0, /[\uD800-\uDBFF]/.test(g[59]) ? 59 : 60)}…` : g;
    return problem ? [[i, `\`${shown}\` ${problem}`] as const] : [];
  });
  for (const [i, message] of problems) bad([...path, i], message);
  return problems.length === 0;
}

/** Reports each negated `files:` pattern: added to the built-in ones, it would claim every path it does not name. */
function additive(kind: string, globs: string[], bad: Bad): boolean {
  const negated = globs.flatMap((g, i) => (g.startsWith("!") ? [i] : []));
  for (const i of negated) {
    const g = globs[i];
    bad(["files", kind, i], `\`${g.length > 60 ? `${g.slice(0, 60)}…` : g}\` is negated: files: patterns add to the built-in ones, so it would make every other path a ${kind}; leave files out with ignore:`);
  }
  return negated.length === 0;
}

/** Parses the YAML text of `.github/dockaudit.yml` (or a CLI `--config` file). Throws ConfigError, each problem with its line. */
export function parseConfigText(text: string, rules: readonly RuleMeta[]): Config {
  const lineCounter = new LineCounter();
  let raw: unknown;
  let doc: Document | undefined;
  try {
    doc = parseDocument(text, { lineCounter });
    if (doc.errors.length) throw doc.errors[0];
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new ConfigError([{ key: "(file)", message: `not valid YAML: ${(e as Error).message.split("\n")[0]}` }]);
  }
  try {
    return resolveConfig(raw ?? {}, rules);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    throw new ConfigError(withLines(doc, lineCounter, e.problems));
  }
}

/** The problems, each with the line of its key in `text` where the key is there. */
export function problemLines(text: string, problems: readonly ConfigProblem[]): ConfigProblem[] {
  const lineCounter = new LineCounter();
  return withLines(parseDocument(text, { lineCounter }), lineCounter, problems);
}

function withLines(doc: Document, lineCounter: LineCounter, problems: readonly ConfigProblem[]): ConfigProblem[] {
  return problems.map((p) => {
    const offset = p.path ? keyOffset(doc.contents, p.path) : null;
    return offset === null ? p : { ...p, line: lineCounter.linePos(offset).line };
  });
}

/** Where the key (or list item) at `path` starts in the text, or null. */
function keyOffset(node: unknown, path: readonly (string | number)[]): number | null {
  let at: unknown = node;
  let offset: number | null = null;
  for (const segment of path) {
    if (isMap(at)) {
      const pair = at.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair || !isScalar(pair.key)) return null;
      offset = pair.key.range?.[0] ?? null;
      at = pair.value;
    } else if (isSeq(at) && typeof segment === "number") {
      const item = at.items[segment];
      offset = (item as { range?: [number, number, number] } | null)?.range?.[0] ?? null;
      at = item;
    } else return null;
  }
  return offset;
}

/** Validates a config object (already parsed) and fills in defaults. Throws ConfigError naming every bad key. */
export function resolveConfig(raw: unknown, rules: readonly RuleMeta[]): Config {
  const problems: ConfigProblem[] = [];
  const bad: Bad = (path, message) => problems.push({ key: keyOf(path), message, path });
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new ConfigError([{ key: "(file)", message: "must be a mapping" }]);
  const r = raw as Record<string, unknown>;
  for (const key of Object.keys(r)) if (!TOP_KEYS.includes(key)) bad([key], `unknown key (known: ${TOP_KEYS.filter((k) => k !== "_extends").join(", ")})`);

  const config: Config = { ...DEFAULT_CONFIG, rules: {}, files: {}, ignore: [], testStacks: [], limits: { ...DEFAULT_LIMITS } };
  const lookup = ruleLookup(rules);
  const metas = new Map(rules.map((m) => [m.id, m]));
  // A section whose entries are all commented out is a YAML null: read as an empty one.
  if (r.rules !== undefined && r.rules !== null) {
    if (!isObject(r.rules)) bad(["rules"], "must be a mapping of rule id to a severity or { severity, options }");
    else {
      const settings: { ids: string[]; setting: RuleSetting; width: number }[] = [];
      for (const [name, value] of Object.entries(r.rules)) {
        const ids = lookup(name);
        const setting = ruleSetting(value);
        const builtin = ids.length ? undefined : BUILTIN_RULES.find((b) => [b.id, b.code.toLowerCase()].includes(name.trim().toLowerCase()));
        if (builtin) bad(["rules", name], `${builtin.id} is raised by the engine itself, not a rule, and cannot be configured (see docs/builtin-findings.md)`);
        else if (!ids.length) bad(["rules", name], "no rule has this id or alias (run `dockaudit rules` for the list)");
        else if (typeof setting === "string") bad(["rules", name], setting);
        else if (optionsValid(["rules", name, "options"], setting.options, ids.map((id) => metas.get(id)!), bad)) settings.push({ ids, setting, width: name.trim().endsWith(":*") ? Infinity : ids.length });
      }
      // A setting for one rule wins over one for a group (`kics:*`, an alias several rules share),
      // whichever comes first: groups are applied first, the widest first (sort is stable).
      settings.sort((a, b) => (a.width === b.width ? 0 : a.width > b.width ? -1 : 1));
      for (const { ids, setting } of settings) for (const id of ids) config.rules[id] = { ...config.rules[id], ...setting };
    }
  }
  if (r.files !== undefined && r.files !== null) {
    if (!isObject(r.files)) bad(["files"], "must be a mapping of dockerfile / compose / dockerignore to glob lists");
    else
      for (const [kind, globs] of Object.entries(r.files)) {
        if (!["dockerfile", "compose", "dockerignore"].includes(kind)) bad(["files", kind], "must be dockerfile, compose or dockerignore");
        else if (globs === null) continue;
        else if (!isStringList(globs)) bad(["files", kind], "must be a list of glob strings");
        else if (globsValid(["files", kind], globs, bad) && additive(kind, globs, bad)) config.files[kind as keyof FilePatterns] = globs;
      }
  }
  if (r.ignore !== undefined && r.ignore !== null) {
    if (!isStringList(r.ignore)) bad(["ignore"], "must be a list of glob strings");
    else if (globsValid(["ignore"], r.ignore, bad)) config.ignore = r.ignore;
  }
  if (r.test_stacks !== undefined && r.test_stacks !== null) {
    if (!isStringList(r.test_stacks)) bad(["test_stacks"], "must be a list of glob strings");
    else if (globsValid(["test_stacks"], r.test_stacks.map((g) => g.replace(/^!/, "")), bad)) config.testStacks = r.test_stacks;
  }
  if (r.fail_on !== undefined) {
    if (!["error", "warning", "info", "none"].includes(r.fail_on as string)) bad(["fail_on"], "must be one of error, warning, info, none");
    else config.failOn = r.fail_on as FailOn;
  }
  if (r.min_grade !== undefined && r.min_grade !== null) {
    if (!GRADES.includes(r.min_grade as Grade)) bad(["min_grade"], `must be one of ${GRADES.join(", ")}`);
    else config.minGrade = r.min_grade as Grade;
  }
  for (const [key, field] of [["only_new", "onlyNew"], ["drafts", "drafts"]] as const) {
    if (r[key] === undefined) continue;
    if (typeof r[key] !== "boolean") bad([key], "must be true or false");
    else config[field] = r[key] as boolean;
  }
  if (r.max_inline_comments !== undefined) {
    const n = r.max_inline_comments;
    if (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n > 100) bad(["max_inline_comments"], "must be a whole number from 0 to 100");
    else config.maxInlineComments = n;
  }
  if (r.limits !== undefined && r.limits !== null) {
    if (!isObject(r.limits)) bad(["limits"], "must be a mapping of max_file_bytes / max_files / max_total_bytes");
    else
      for (const [key, value] of Object.entries(r.limits)) {
        const field = ({ max_file_bytes: "maxFileBytes", max_files: "maxFiles", max_total_bytes: "maxTotalBytes" } as const)[key];
        if (!field) bad(["limits", key], "unknown limit (known: max_file_bytes, max_files, max_total_bytes)");
        else if (typeof value !== "number" || !Number.isInteger(value) || value < 1) bad(["limits", key], "must be a positive whole number");
        else if (value > HARD_LIMITS[field]) bad(["limits", key], `must be at most ${HARD_LIMITS[field]}`);
        else config.limits[field] = value;
      }
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/**
 * Reports each option no rule of `metas` has (a name that stands for several rules takes only the
 * options all of them have) and each value its type refuses; true when there is none.
 */
function optionsValid(path: ConfigPath, options: Record<string, unknown> | undefined, metas: RuleMeta[], bad: Bad): boolean {
  let valid = true;
  for (const [name, value] of Object.entries(options ?? {})) {
    const lacking = metas.find((m) => !m.optionTypes || !Object.hasOwn(m.optionTypes, name));
    const problems: [ConfigPath, string][] = lacking
      ? [[[...path, name], lacking.optionTypes ? `unknown option (known: ${Object.keys(lacking.optionTypes).join(", ")})` : `${lacking.id} has no options`]]
      : [...new Set(metas.map((m) => m.optionTypes![name]))].flatMap((type) => optionProblems([...path, name], value, type));
    for (const [k, message] of problems) bad(k, message);
    valid &&= problems.length === 0;
  }
  return valid;
}

function optionProblems(key: ConfigPath, value: unknown, type: OptionType): [ConfigPath, string][] {
  if (type === "boolean") return typeof value === "boolean" ? [] : [[key, "must be true or false"]];
  if (type === "positive-integer") return typeof value === "number" && Number.isInteger(value) && value >= 1 ? [] : [[key, "must be a whole number from 1"]];
  if (type === "strings") return isStringList(value) ? [] : [[key, "must be a list of strings"]];
  // Codes written bare, as YAML numbers (`[2086, SC2046]`), are codes all the same.
  if (type === "codes") return Array.isArray(value) && value.every((v) => typeof v === "string" || Number.isInteger(v)) ? [] : [[key, "must be a list of codes (SC2086, or 2086)"]];
  if ("oneOf" in type) return typeof value === "string" && type.oneOf.includes(value) ? [] : [[key, `must be one of ${type.oneOf.join(", ")}`]];
  if (!isObject(value)) return [[key, "must be a mapping"]];
  return Object.entries(value).flatMap(([name, v]) => optionProblems([...key, name], v, type.mapOf));
}

function ruleSetting(value: unknown): RuleSetting | string {
  if (typeof value === "string") return SEVERITIES.includes(value) ? { severity: value as SeveritySetting } : `severity must be one of ${SEVERITIES.join(", ")}`;
  if (value === false) return { severity: "off" };
  if (!isObject(value)) return "must be a severity or { severity, options }";
  const out: RuleSetting = {};
  for (const key of Object.keys(value)) if (key !== "severity" && key !== "options") return `unknown key "${key}" (known: severity, options)`;
  if (value.severity !== undefined) {
    if (!SEVERITIES.includes(value.severity as string)) return `severity must be one of ${SEVERITIES.join(", ")}`;
    out.severity = value.severity as SeveritySetting;
  }
  if (value.options !== undefined && value.options !== null) {
    if (!isObject(value.options)) return "options must be a mapping";
    out.options = value.options;
  }
  return out;
}

/**
 * Maps a rule id, catalogue code or alias (case-insensitive) to the ids of the rules that carry it;
 * `tool:*` (`buildkit:*`) to every rule with an alias of that tool.
 */
export function ruleLookup(rules: readonly RuleMeta[]): (name: string) => string[] {
  const index = new Map<string, string[]>();
  const add = (key: string, id: string) => {
    const k = key.toLowerCase();
    const list = index.get(k) ?? [];
    if (!list.includes(id)) list.push(id);
    index.set(k, list);
  };
  for (const meta of rules) {
    add(meta.id, meta.id);
    add(meta.code, meta.id);
    for (const alias of meta.aliases) {
      add(alias, meta.id);
      const tool = /^([a-z]+):/i.exec(alias)?.[1];
      if (tool) add(`${tool}:*`, meta.id);
    }
  }
  return (name) => index.get(name.trim().toLowerCase()) ?? [];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");
