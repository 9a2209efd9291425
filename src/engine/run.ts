import { FILE_SKIPPED, FINDINGS_OMITTED, RULE_FAILED, SHELL_NOT_PARSED, SUPPRESSION_UNKNOWN_RULE } from "./builtin.js";
import { createClassifier } from "./classify.js";
import { ignoreMatcher } from "./glob.js";
import { DEFAULT_CONFIG, HARD_LIMITS, ruleLookup, type Config } from "./config.js";
import { fingerprint, foldAnchor, foldedFingerprint } from "./fingerprint.js";
import { parseCompose, type ComposeModel } from "./parse/compose.js";
import { joinContinuations, parseDockerfile, shellRefusal, type DfInstruction, type DockerfileModel } from "./parse/dockerfile.js";
import { parseDockerignore, type DockerignoreModel } from "./parse/dockerignore.js";
import { normalizePath } from "./paths.js";
import { buildProject, type Project } from "./project.js";
import { formatMessage, type Rule, type RuleServices, type ShellChecker } from "./rule.js";
import { computeScores, SEVERITY_WEIGHT, type Coverage, type Scores } from "./score.js";
import { collectSuppressions, isSuppressed } from "./suppress.js";
import { compareRanges, comparePos, LineIndex } from "./text.js";
import type { Category, FileKind, Finding, Position, Range, ReportDescriptor, RuleMeta, Severity, SourceFile } from "./types.js";
import { serviceSummary, type ServiceSummary } from "./summary.js";
import { testStackMatcher } from "./test-stacks.js";

export const DEFAULT_DOCS_URL = "https://github.com/dockaudit/dockaudit/blob/main/rules";

export interface AuditOptions {
  config?: Config;
  /** Every path of the repository (or audited directory), for existence checks such as .dockerignore. */
  tree?: readonly string[];
  /**
   * `tree` is only part of the repository (a listing GitHub or the directory walk cut short): a
   * path it lacks may still exist, so no rule reports a file as missing.
   */
  treeTruncated?: boolean;
  docsBaseUrl?: string;
  /**
   * Runs ShellCheck on a script (see src/shellcheck.ts for the implementation the CLI and the app
   * pass); without it the `shellcheck` rule reports that ShellCheck is unavailable.
   */
  shellcheck?: ShellChecker;
  /**
   * File path → the path its findings' fingerprints name instead. A pull request's base is audited
   * with each file the PR moves fingerprinted at its head path, so a finding that moved with its
   * file keeps its fingerprint (whatever else the PR changed in its message) and is not called new.
   */
  fingerprintPaths?: Readonly<Record<string, string>>;
  /**
   * Put before each file's path when it is matched against the config's `files:` and `ignore:`
   * globs, which read paths from the repository root: the CLI audits paths from the directory it
   * was given, which may lie below the root (`services/` for `dockaudit check services`).
   */
  globPrefix?: string;
}

export interface Report {
  version: 1;
  files: { path: string; kind: FileKind; skipped?: string }[];
  services: ServiceSummary[];
  findings: Finding[];
  scores: Scores;
  coverage: Coverage;
}

type Model = DockerfileModel | ComposeModel;

/**
 * The most findings one rule lists in one file, and one run in all. Past either, a finding is
 * counted (its weight still lowers the grades) but not built, so a file generated to trip a rule
 * thousands of times cannot fill memory or a check run: real projects stay far below both (at
 * most 91 findings of one rule in one file, and 1,365 in one project, in the benchmark corpus).
 */
export const FINDING_LIMITS = { perRuleAndFile: 200, perRun: 20_000 } as const;

/** What is left of the run's finding limit, and the weight of the findings past it. */
interface FindingBudget {
  left: number;
  unlisted: Partial<Record<Category, number>>;
}

/** Compiled file patterns per config (a few dozen globs): the default config's once per process. */
const classifiers = new WeakMap<Config["files"], ReturnType<typeof createClassifier>>();

function classifierOf(files: Config["files"]): ReturnType<typeof createClassifier> {
  let classify = classifiers.get(files);
  if (!classify) classifiers.set(files, (classify = createClassifier(files)));
  return classify;
}

/** Audits a set of files with the given rules. Pure: reads nothing, never throws on bad input. */
export function audit(input: readonly SourceFile[], rules: readonly Rule[], options: AuditOptions = {}): Report {
  const config = options.config ?? DEFAULT_CONFIG;
  const docsBase = options.docsBaseUrl ?? DEFAULT_DOCS_URL;
  const classify = classifierOf(config.files);
  const ignored = ignoreMatcher(config.ignore);
  const isTestStack = testStackMatcher(config.testStacks);
  const globPrefix = options.globPrefix ?? "";
  const findings: Finding[] = [];
  const files: Report["files"] = [];
  const dockerfiles: DockerfileModel[] = [];
  const composeFiles: ComposeModel[] = [];
  const dockerignores: DockerignoreModel[] = [];
  let totalBytes = 0;
  let audited = 0;

  const moved = options.fingerprintPaths ?? {};
  const named = (path: string) => (Object.hasOwn(moved, path) ? normalizePath(moved[path]) : path);
  const sorted = [...input].map((f) => ({ ...f, path: normalizePath(f.path) })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of sorted) {
    const kind = classify(globPrefix + file.path);
    if (!kind || ignored(globPrefix + file.path)) continue;
    const bytes = utf8Length(file.content);
    const skip = file.unreadable ?? skipReason(file.content, bytes, audited, totalBytes, config) ?? lineLimitReason(file.content, kind);
    files.push(skip ? { path: file.path, kind, skipped: skip } : { path: file.path, kind });
    if (skip) {
      const f = builtinFinding(FILE_SKIPPED, "skipped", { path: file.path, reason: skip }, file.path, docsBase);
      // Its identity is the file and why it is skipped, not the sizes the reason quotes: those
      // change with any edit of the file (or of another), and the finding was called new each time.
      f.fingerprint = fingerprint({ ruleId: FILE_SKIPPED.id, file: named(file.path), scope: "", anchorText: skip.replace(/\d+/g, "#"), occurrence: 0 });
      findings.push(f);
      continue;
    }
    totalBytes += bytes;
    audited++;
    // A byte-order mark: YAML parsers skip it (a space in its place would indent the first key);
    // the Dockerfile and .dockerignore parsers would read it as text, so it becomes a space there.
    if (kind === "compose") composeFiles.push(parseCompose(file.path, file.content));
    else {
      const text = file.content.replace(/^\uFEFF/, " ");
      if (kind === "dockerfile") dockerfiles.push(parseDockerfile(file.path, text));
      else dockerignores.push(parseDockerignore(file.path, text));
    }
  }

  const tree = options.tree?.map(normalizePath);
  const parsedCompose = new Set(composeFiles.map((m) => m.path));
  const truncated = !!tree && options.treeTruncated === true;
  const composeFilesElsewhere = () =>
    truncated || files.some((f) => f.kind === "compose" && f.skipped) || (tree ?? []).some((p) => !parsedCompose.has(p) && classify(globPrefix + p) === "compose" && !ignored(globPrefix + p));
  const project = buildProject({ dockerfiles, composeFiles, dockerignores, tree, treeTruncated: truncated, composeFilesElsewhere });
  const lookup = lookupOf(rules);
  const active = activeRules(rules, config);
  const services: RuleServices = { shellcheck: options.shellcheck };
  const budget: FindingBudget = { left: FINDING_LIMITS.perRun, unlisted: {} };
  for (const model of dockerfiles) for (const f of runRules(model, project, active, lookup, docsBase, services, budget, named(model.path))) findings.push(f);
  for (const model of composeFiles) {
    // From the repository root, as globs are: `dockaudit check tests` still audits a test stack.
    const testStack = isTestStack(globPrefix + model.path);
    for (const f of runRules(model, project, active, lookup, docsBase, services, budget, named(model.path), testStack)) findings.push(f);
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : compareRanges(a.range, b.range) || (a.ruleId < b.ruleId ? -1 : 1)));
  const units = dockerfiles.reduce((n, d) => n + d.stages.length, 0) + project.services.length;
  const { scores, coverage } = computeScores(findings, project.services, units, budget.unlisted);
  return { version: 1, files, services: project.services.map(serviceSummary), findings, scores, coverage };
}

/**
 * Why a file is left out of the run, or null. Limits come from the config (`limits:`), never past
 * HARD_LIMITS even when a caller builds the config object itself; sizes are UTF-8 bytes as fetched.
 */
function skipReason(content: string, bytes: number, audited: number, totalBytes: number, config: Config): string | null {
  const maxFileBytes = Math.min(config.limits.maxFileBytes, HARD_LIMITS.maxFileBytes);
  const maxFiles = Math.min(config.limits.maxFiles, HARD_LIMITS.maxFiles);
  const maxTotalBytes = Math.min(config.limits.maxTotalBytes, HARD_LIMITS.maxTotalBytes);
  if (bytes > maxFileBytes) return `it is ${bytes} bytes, over the limit of ${maxFileBytes} bytes per file (limits.max_file_bytes)`;
  if (content.includes("\u0000")) return "it contains NUL bytes, so it is binary content rather than text";
  if (audited >= maxFiles) return `the run already audits ${maxFiles} files, its limit (limits.max_files)`;
  if (totalBytes + bytes > maxTotalBytes) return `its ${bytes} bytes would take the run past its limit of ${maxTotalBytes} bytes in all (limits.max_total_bytes)`;
  return null;
}

/**
 * Lines per file past which a file is not audited. Rules look across a file's instructions or
 * services, several of them once per instruction, so their cost grows with the square of the file:
 * a 50,000-line Dockerfile would hold a run for many minutes. The largest real Dockerfiles run to a
 * few hundred lines and the largest Compose files to a few thousand.
 */
export const LINE_LIMITS: Readonly<Record<FileKind, number>> = { dockerfile: 2_000, compose: 20_000, dockerignore: 100_000 };

function lineLimitReason(content: string, kind: FileKind): string | null {
  const max = LINE_LIMITS[kind];
  let lines = 1;
  for (const breaks = /\r\n?|\n/g; lines <= max && breaks.test(content); ) lines++;
  if (lines <= max) return null;
  const what = kind === "dockerfile" ? "a Dockerfile" : kind === "compose" ? "a Compose file" : "a .dockerignore";
  return `it has more than ${max} lines, the most dockaudit reads in ${what}`;
}

/** UTF-8 length of a string without encoding it (a lone surrogate counts as the 3 bytes of U+FFFD). */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** A rule as this run applies it: its configured severity and options, settled once per run. */
interface ActiveRule {
  rule: Rule;
  severity: Severity;
  /** The config sets the rule's severity, so it overrides a finding's own. */
  configured: boolean;
  options: Record<string, unknown>;
  /** False when the options are empty: the rule then gets a fresh `{}` rather than a clone (a slow generic copy). */
  hasOptions: boolean;
}

/** The rules the config leaves on, per file kind, in catalogue order. */
function activeRules(rules: readonly Rule[], config: Config): Record<Model["kind"], ActiveRule[]> {
  // The default config is never changed, so its settings for a rule list are worked out once.
  const cached = config === DEFAULT_CONFIG ? defaultActive.get(rules) : undefined;
  if (cached) return cached;
  const out: Record<Model["kind"], ActiveRule[]> = { dockerfile: [], compose: [] };
  for (const rule of rules) {
    const setting = config.rules[rule.meta.id];
    const severity = setting?.severity ?? rule.meta.severity;
    if (severity === "off") continue;
    const options = { ...rule.meta.options, ...setting?.options };
    out[rule.meta.target]?.push({ rule, severity, configured: !!setting?.severity, options, hasOptions: Object.keys(options).length > 0 });
  }
  if (config === DEFAULT_CONFIG) defaultActive.set(rules, out);
  return out;
}

const defaultActive = new WeakMap<readonly Rule[], Record<Model["kind"], ActiveRule[]>>();

/** The rule-name lookup of a rule list, built once per list (the catalogue is one list for the process). */
const lookups = new WeakMap<readonly Rule[], (name: string) => string[]>();

function lookupOf(rules: readonly Rule[]): (name: string) => string[] {
  let lookup = lookups.get(rules);
  if (!lookup) lookups.set(rules, (lookup = ruleLookup(rules.map((r) => r.meta))));
  return lookup;
}

function runRules(
  model: Model,
  project: Project,
  active: Record<Model["kind"], ActiveRule[]>,
  lookup: (name: string) => string[],
  docsBase: string,
  services: RuleServices,
  budget: FindingBudget,
  fingerprintPath: string,
  testStack = false,
): Finding[] {
  const suppressions = collectSuppressions(model.index, lookup);
  // Most files have no pragma: then no finding's statement and YAML parents need looking up.
  const pragmas = suppressions.fileWide.size > 0 || suppressions.byLine.size > 0;
  const suppressed = (ruleId: string, range: Range | null | undefined) =>
    pragmas && isSuppressed(suppressions, ruleId, range ? anchorLines(model, clampRange(model.index, range).start.line) : []);
  const raw: Finding[] = [];
  /** Findings whose rule gave their identity (ReportDescriptor.identity). */
  const identities = new Map<Finding, string>();
  // Rule findings are checked as they are reported; builtin ones as they are added.
  const addBuiltin = (f: Finding) => {
    if (!suppressed(f.ruleId, f.range)) raw.push(f);
  };
  let unlisted = 0;
  const unlistedRules: string[] = [];
  for (const { rule, severity, configured, options, hasOptions } of active[model.kind]) {
    if (testStack && rule.meta.deploymentOnly) continue;
    let listed = 0;
    const report = (d: ReportDescriptor) => {
      // A finding may carry its own severity (ShellCheck levels) unless the config sets the rule's.
      const level = configured ? severity : d.severity ?? severity;
      // A suppressed finding takes no place under the limits.
      if (suppressed(rule.meta.id, d.range)) return;
      if (listed < FINDING_LIMITS.perRuleAndFile && budget.left > 0) {
        listed++;
        budget.left--;
        const finding = toFinding(rule.meta, level, d, model.path, docsBase);
        if (d.identity !== undefined) identities.set(finding, d.identity);
        raw.push(finding);
        return;
      }
      budget.unlisted[rule.meta.category] = (budget.unlisted[rule.meta.category] ?? 0) + SEVERITY_WEIGHT[level];
      if (unlistedRules.at(-1) !== rule.meta.id) unlistedRules.push(rule.meta.id);
      unlisted++;
    };
    try {
      // Each rule gets its own copy of the options, as it always has.
      (rule.check as (ctx: unknown) => void)({ model, project, options: hasOptions ? { ...options } : {}, report, services });
    } catch (e) {
      addBuiltin(builtinFinding(RULE_FAILED, "failed", { rule: rule.meta.id, error: (e as Error)?.message ?? String(e) }, model.path, docsBase));
    }
  }
  if (model.kind === "dockerfile") {
    // Scripts past the shell-parsing limits: said once where they start, so a silent rule is explained.
    for (const top of model.instructions) {
      for (const ins of top.trigger ? [top, top.trigger] : [top]) {
        const refusal = shellRefusal(ins);
        if (!refusal) continue;
        const f = toFinding(SHELL_NOT_PARSED, "info", { messageId: "notParsed", data: { keyword: ins.keyword, reason: refusal.message }, range: ins.keywordRange }, model.path, docsBase);
        f.docsUrl = `${docsBase.replace(/\/rules$/, "")}/docs/builtin-findings.md#${SHELL_NOT_PARSED.id}`;
        addBuiltin(f);
      }
    }
  }
  for (const { line, name } of suppressions.unknown) {
    const range = { start: { line, column: 1 }, end: { line, column: model.index.line(line).length + 1 } };
    const f = toFinding(SUPPRESSION_UNKNOWN_RULE, "info", { messageId: "unknown", data: { name }, range }, model.path, docsBase);
    f.docsUrl = `${docsBase.replace(/\/rules$/, "")}/docs/builtin-findings.md#${SUPPRESSION_UNKNOWN_RULE.id}`;
    raw.push(f);
  }
  if (unlisted) {
    const data = { count: String(unlisted), rules: unlistedRules.join(", "), perRule: String(FINDING_LIMITS.perRuleAndFile), perRun: String(FINDING_LIMITS.perRun) };
    addBuiltin(builtinFinding(FINDINGS_OMITTED, "omitted", data, model.path, docsBase));
  }
  const occurrences = new Map<string, number>();
  const kept: Finding[] = [];
  for (const f of raw) {
    if (f.range) f.range = clampRange(model.index, f.range);
    if (f.fix) f.fix = { ...f.fix, edits: f.fix.edits.map((e) => ({ ...e, range: clampRange(model.index, e.range) })) };
    const identity = identities.get(f);
    const anchor = identity !== undefined ? identityAnchor(model, identity) : f.range ? anchorOf(model, f.range.start.line) : NO_ANCHOR;
    const scope = f.service === undefined || identity !== undefined ? "" : f.range ? scopeOf(model, f.service, f.range.start.line) : f.service;
    // Statements whose folded text is the same share an id: the key never holds the text itself.
    const key = `${f.ruleId}\u0000${scope}\u0000${anchor.id}`;
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    f.fingerprint = foldedFingerprint(f.ruleId, fingerprintPath, scope, anchor.folded, occurrence);
    kept.push(f);
  }
  return kept;
}

function toFinding(meta: RuleMeta, severity: Severity, d: ReportDescriptor, file: string, docsBase: string): Finding {
  const secret = d.secret && isMaskable(d.secret) ? d.secret : null;
  // The secret is masked where a rule's data shows it, never in the rule's own wording.
  const message = formatMessage(meta.messages[d.messageId] ?? d.messageId, secret && d.data ? maskedData(d.data, secret) : d.data);
  const finding: Finding = {
    ruleId: meta.id,
    code: meta.code,
    messageId: d.messageId,
    severity,
    category: meta.category,
    file,
    range: d.range,
    message,
    fingerprint: "",
    docsUrl: `${docsBase}/${meta.target}/${meta.id}.md`,
  };
  if (d.service) finding.service = d.service;
  if (d.fix) finding.fix = d.fix;
  if (secret) finding.secret = secret;
  return finding;
}

/** Whether a secret is worth masking: one of a few characters (`no`, `on`) would garble the words that contain it. */
export function isMaskable(secret: string): boolean {
  return secret.length >= 4;
}

/** `data` with the secret masked in its values, except `service`: a service may share its password's name. */
function maskedData(data: Record<string, string | number>, secret: string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(data)) {
    out[key] = key !== "service" && typeof value === "string" && value.includes(secret) ? value.split(secret).join(maskSecret(secret)) : value;
  }
  return out;
}

function builtinFinding(meta: RuleMeta, messageId: string, data: Record<string, string>, file: string, docsBase: string): Finding {
  const f = toFinding(meta, meta.severity as Severity, { messageId, data, range: null }, file, docsBase);
  f.docsUrl = `${docsBase.replace(/\/rules$/, "")}/docs/builtin-findings.md#${meta.id}`;
  f.fingerprint = fingerprint({ ruleId: meta.id, file, scope: "", anchorText: f.message, occurrence: 0 });
  return f;
}

/** Shows only enough of a secret to recognise it: `ch******`. */
export function maskSecret(secret: string): string {
  const visible = secret.length > 6 ? 2 : 0;
  return secret.slice(0, visible) + "*".repeat(Math.max(4, Math.min(8, secret.length - visible)));
}

/**
 * Keeps a rule's range inside the file (1 ≤ line ≤ line count, 1 ≤ column ≤ line length + 1, start
 * before end), so a slip in one rule never sends GitHub an annotation it rejects.
 */
function clampRange(index: LineIndex, range: Range): Range {
  const clamp = (p: Position): Position => {
    if (p.line > index.lineCount) return { line: index.lineCount, column: index.lineLength(index.lineCount) + 1 };
    const line = Math.min(Math.max(1, Math.trunc(p.line) || 1), index.lineCount);
    return { line, column: Math.min(Math.max(1, Math.trunc(p.column) || 1), index.lineLength(line) + 1) };
  };
  const start = clamp(range.start);
  const end = clamp(range.end);
  if (start.line === range.start.line && start.column === range.start.column && end.line === range.end.line && end.column === range.end.column && comparePos(start, end) <= 0) return range;
  return { start, end: comparePos(start, end) <= 0 ? end : start };
}

/** The statement a finding points at, as occurrence counting and fingerprints see it. */
interface Anchor {
  /** foldAnchor of the statement's text (shortAnchor of it folded). */
  folded: string;
  /** Equal for two anchors of a file exactly when their whitespace-folded texts are equal. */
  id: number;
}

const NO_ANCHOR: Anchor = { folded: "", id: -1 };

/** Per-file lookups that suppression and fingerprints need for every finding, built once per file. */
interface Anchors {
  /** Anchor by instruction (Dockerfiles) or by line number (lines outside any instruction, Compose). */
  byKey: Map<unknown, Anchor>;
  /** Folded text (as the fingerprint hashes it) → id. */
  ids: Map<string, number>;
  /** The instruction spanning a 1-based line, by binary search (files can hold 50,000 instructions). */
  instructionAt(line: number): DfInstruction | undefined;
  /** For each line, the nearest line above it with a smaller YAML indent (0 when none). */
  parentOf: Int32Array | null;
  /** Compose: the first and last line of each service's own block (its key to the end of its value), built on first use. */
  serviceLines: Map<string, [number, number]> | null;
}

const anchorCache = new WeakMap<Model, Anchors>();

function anchorsOf(model: Model): Anchors {
  let anchors = anchorCache.get(model);
  if (anchors) return anchors;
  const instructions = model.kind === "dockerfile" ? model.instructions : [];
  anchors = {
    byKey: new Map(),
    ids: new Map(),
    instructionAt: (line) => {
      let lo = 0;
      let hi = instructions.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (instructions[mid].range.start.line <= line) lo = mid;
        else hi = mid - 1;
      }
      const ins = instructions[lo];
      return ins && ins.range.start.line <= line && line <= ins.range.end.line ? ins : undefined;
    },
    parentOf: model.kind === "compose" ? yamlParentLines(model.index) : null,
    serviceLines: null,
  };
  anchorCache.set(model, anchors);
  return anchors;
}

/** Lines whose pragma can suppress a finding on `line`: the statement's first line and its YAML parents. */
function anchorLines(model: Model, line: number): number[] {
  if (model.kind === "dockerfile") {
    const ins = anchorsOf(model).instructionAt(line);
    return [ins ? ins.range.start.line : line];
  }
  return [line, ...yamlParents(model.index, anchorsOf(model).parentOf!, line)];
}

/** Structural lines (not blank, not comments) each with the nearest earlier one of smaller indent. */
function yamlParentLines(index: LineIndex): Int32Array {
  const parentOf = new Int32Array(index.lineCount + 1);
  const stack: { line: number; indent: number }[] = [];
  for (let l = 1; l <= index.lineCount; l++) {
    const text = index.line(l);
    if (isStructural(text)) {
      const indent = indentOf(text);
      while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
      parentOf[l] = stack.length ? stack[stack.length - 1].line : 0;
      stack.push({ line: l, indent });
    }
  }
  return parentOf;
}

const isStructural = (text: string) => !!text.trim() && !text.trimStart().startsWith("#");

function yamlParents(index: LineIndex, parentOf: Int32Array, line: number): number[] {
  const indent = indentOf(index.line(line));
  if (indent <= 0) return [];
  let first = parentOf[line];
  if (!isStructural(index.line(line))) {
    // A finding on a blank or comment line (rare): find its first parent by scanning up.
    for (first = line - 1; first >= 1; first--) {
      const text = index.line(first);
      if (isStructural(text) && indentOf(text) < indent) break;
    }
  }
  const parents: number[] = [];
  for (let p = first; p > 0; p = parentOf[p]) parents.push(p);
  return parents;
}

/** Leading spaces; a sequence item's dash counts half a column deeper than a key at the same indent. */
function indentOf(text: string): number {
  const lead = text.length - text.trimStart().length;
  return text.trimStart().startsWith("-") ? lead + 0.5 : lead;
}

/**
 * The text of the statement on `line`: a Compose line, or a whole Dockerfile instruction as Docker
 * reads it, its escaped line breaks and the comment lines inside them removed. Splitting a long RUN
 * over continuation lines (or joining it back, or commenting inside it) leaves the command Docker
 * runs as it was, so its findings keep their fingerprints instead of being called new.
 *
 * A FROM is read without its image's tag and digest. Findings about a whole stage (no USER, no
 * HEALTHCHECK) point at its FROM, and the most common edit of a FROM is a version bump
 * (`python:3.12-slim` → `python:3.13-slim`, a new digest): with the tag in the anchor, such a bump
 * made every stage finding new, an error blocking a PR that changed nothing but the version.
 */
function anchorTextOf(model: Model, line: number): string {
  if (model.kind === "dockerfile") {
    const ins = anchorsOf(model).instructionAt(line);
    if (ins) {
      const image = ins.keyword === "FROM" ? ins.args[0] : undefined;
      const bare = image ? withoutVersion(image.value) : "";
      const text =
        image && bare !== image.value
          ? model.index.slice({ start: ins.range.start, end: image.range.start }) + bare + model.index.slice({ start: image.range.end, end: ins.range.end })
          : model.index.slice(ins.range);
      return text.includes("\n") ? joinContinuations(text, model.escape) : text;
    }
  }
  // Single quotes read as double ones where that means the same ('5432:5432', "5432:5432"): YAML
  // formatters (Prettier) rewrite them, and the finding on the line was called new.
  const text = withoutYamlComment(model.index.line(line)).replace(/'([^'"\\]*)'/g, '"$1"');
  // A Compose `image:` line likewise, so that a release bumping `app:1.4.2` to `app:1.4.3` keeps
  // the findings that point at it (build-and-image).
  const image = model.kind === "compose" ? /^(\s*(?:-\s*)?image\s*:\s*["']?)([^\s"'#]+)(.*)$/.exec(text) : null;
  return image ? image[1] + withoutVersion(image[2]) + image[3] : text;
}

/**
 * The scope a finding's fingerprint holds: its service, unless its statement lies outside that
 * service's own block. A setting shared through a YAML anchor (`x-common: &common` merged with
 * `<<: *common`) is reported once, for the first service in file order that merges it; with that
 * service in the fingerprint, reordering the services, removing that one or adding one before it
 * gave the same statement another fingerprint, and the finding was called new though no line of
 * it changed. Such a statement belongs to no one service, so its scope is empty.
 */
function scopeOf(model: Model, service: string, line: number): string {
  if (model.kind !== "compose") return service;
  const anchors = anchorsOf(model);
  if (!anchors.serviceLines) {
    anchors.serviceLines = new Map();
    for (const s of model.services) {
      if (anchors.serviceLines.has(s.name)) continue;
      const key = model.locateKey(s.path);
      if (!key) continue;
      const value = model.locate(s.path);
      anchors.serviceLines.set(s.name, [key.start.line, Math.max(key.end.line, value?.end.line ?? 0)]);
    }
  }
  const lines = anchors.serviceLines.get(service);
  return !lines || (lines[0] <= line && line <= lines[1]) ? service : "";
}

/**
 * A Compose line without its trailing `# comment`: explaining a flagged setting on its own line
 * (`privileged: true  # the GPU driver needs it`) leaves the setting as it was, and its finding
 * was called new. A `#` inside quotes, or not after whitespace, is text; after a quote that may be
 * an apostrophe the line is kept whole.
 */
function withoutYamlComment(line: string): string {
  let quote = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "#" && (line[i - 1] === " " || line[i - 1] === "\t")) return line.slice(0, i).trim() ? line.slice(0, i) : line;
  }
  return line;
}

/**
 * An image reference without its tag and digest: `registry:5000/team/app:1.2@sha256:…` →
 * `registry:5000/team/app`. Cut at the first colon after the last slash, not the last colon as
 * splitImageRef does: `${IMAGE:-team/app}:${VERSION:-1.2}` keeps its whole name part.
 */
function withoutVersion(ref: string): string {
  const at = ref.indexOf("@");
  const name = at < 0 ? ref : ref.slice(0, at);
  const colon = name.indexOf(":", name.lastIndexOf("/") + 1);
  return colon < 0 ? name : name.slice(0, colon);
}

/** The anchor of a finding whose rule gave its identity: apart from every statement's (an id of its own). */
function identityAnchor(model: Model, identity: string): Anchor {
  const anchors = anchorsOf(model);
  const folded = foldAnchor(identity);
  const key = `\u0001${folded}`;
  let id = anchors.ids.get(key);
  if (id === undefined) anchors.ids.set(key, (id = anchors.ids.size));
  return { folded: key, id };
}

/** The anchor of a finding starting on `line`, folded once per statement of the file. */
function anchorOf(model: Model, line: number): Anchor {
  const anchors = anchorsOf(model);
  const key: unknown = (model.kind === "dockerfile" && anchors.instructionAt(line)) || line;
  let anchor = anchors.byKey.get(key);
  if (anchor) return anchor;
  // Occurrences are counted by the folded text the fingerprint hashes, ends trimmed: counted by the
  // text with its ends kept, `RUN x` and `RUN x ` (or one line indented deeper) were each the first
  // of its kind, so both got one fingerprint, and stripping the trailing space made one "new".
  const folded = foldAnchor(anchorTextOf(model, line));
  let id = anchors.ids.get(folded);
  if (id === undefined) anchors.ids.set(folded, (id = anchors.ids.size));
  anchor = { folded, id };
  anchors.byKey.set(key, anchor);
  return anchor;
}
