import picomatch from "picomatch";
import { FILE_SKIPPED, RULE_FAILED } from "./builtin.js";
import { createClassifier } from "./classify.js";
import { DEFAULT_CONFIG, ruleLookup, type Config } from "./config.js";
import { fingerprint } from "./fingerprint.js";
import { parseCompose, type ComposeModel } from "./parse/compose.js";
import { parseDockerfile, type DockerfileModel } from "./parse/dockerfile.js";
import { parseDockerignore, type DockerignoreModel } from "./parse/dockerignore.js";
import { normalizePath } from "./paths.js";
import { buildProject, type Project } from "./project.js";
import { formatMessage, type Rule, type RuleServices, type ShellChecker } from "./rule.js";
import { computeScores, type Coverage, type Scores } from "./score.js";
import { collectSuppressions, isSuppressed } from "./suppress.js";
import { compareRanges, LineIndex } from "./text.js";
import type { FileKind, Finding, ReportDescriptor, RuleMeta, Severity, SourceFile } from "./types.js";
import { serviceSummary, type ServiceSummary } from "./summary.js";

export const DEFAULT_DOCS_URL = "https://github.com/dockaudit/dockaudit/blob/main/rules";

export interface AuditOptions {
  config?: Config;
  /** Every path of the repository (or audited directory), for existence checks such as .dockerignore. */
  tree?: readonly string[];
  docsBaseUrl?: string;
  /**
   * Runs ShellCheck on a script (see src/shellcheck.ts for the implementation the CLI and the app
   * pass); without it the `shellcheck` rule reports that ShellCheck is unavailable.
   */
  shellcheck?: ShellChecker;
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

/** Audits a set of files with the given rules. Pure: reads nothing, never throws on bad input. */
export function audit(input: readonly SourceFile[], rules: readonly Rule[], options: AuditOptions = {}): Report {
  const config = options.config ?? DEFAULT_CONFIG;
  const docsBase = options.docsBaseUrl ?? DEFAULT_DOCS_URL;
  const classify = createClassifier(config.files);
  const ignored = config.ignore.length ? picomatch(config.ignore, { dot: true }) : () => false;
  const findings: Finding[] = [];
  const files: Report["files"] = [];
  const dockerfiles: DockerfileModel[] = [];
  const composeFiles: ComposeModel[] = [];
  const dockerignores: DockerignoreModel[] = [];
  let totalBytes = 0;

  const sorted = [...input].map((f) => ({ ...f, path: normalizePath(f.path) })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of sorted) {
    const kind = classify(file.path);
    if (!kind || ignored(file.path)) continue;
    const skip = skipReason(file, files.length, totalBytes, config);
    files.push(skip ? { path: file.path, kind, skipped: skip } : { path: file.path, kind });
    if (skip) {
      findings.push(builtinFinding(FILE_SKIPPED, "skipped", { path: file.path, reason: skip }, file.path, docsBase));
      continue;
    }
    totalBytes += file.content.length;
    const text = file.content.replace(/^\uFEFF/, " ");
    if (kind === "dockerfile") dockerfiles.push(parseDockerfile(file.path, text));
    else if (kind === "compose") composeFiles.push(parseCompose(file.path, text));
    else dockerignores.push(parseDockerignore(file.path, text));
  }

  const project = buildProject({ dockerfiles, composeFiles, dockerignores, tree: options.tree?.map(normalizePath) });
  const lookup = ruleLookup(rules.map((r) => r.meta));
  for (const model of [...dockerfiles, ...composeFiles]) {
    findings.push(...runRules(model, project, rules, config, lookup, docsBase, { shellcheck: options.shellcheck }));
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : compareRanges(a.range, b.range) || (a.ruleId < b.ruleId ? -1 : 1)));
  const units = dockerfiles.reduce((n, d) => n + d.stages.length, 0) + project.services.length;
  const { scores, coverage } = computeScores(findings, project.services, units);
  return { version: 1, files, services: project.services.map(serviceSummary), findings, scores, coverage };
}

function skipReason(file: SourceFile, count: number, totalBytes: number, config: Config): string | null {
  const { maxFileBytes, maxFiles, maxTotalBytes } = config.limits;
  if (file.content.length > maxFileBytes) return `it is larger than the ${maxFileBytes}-byte limit per file`;
  if (file.content.includes("\u0000")) return "it contains NUL bytes (binary content)";
  if (count >= maxFiles) return `the run already audits the ${maxFiles}-file limit`;
  if (totalBytes + file.content.length > maxTotalBytes) return `the run would exceed its ${maxTotalBytes}-byte limit`;
  return null;
}

function runRules(
  model: Model,
  project: Project,
  rules: readonly Rule[],
  config: Config,
  lookup: (name: string) => string[],
  docsBase: string,
  services: RuleServices,
): Finding[] {
  const suppressions = collectSuppressions(model.index, lookup);
  const raw: Finding[] = [];
  for (const rule of rules) {
    if (rule.meta.target !== model.kind) continue;
    const setting = config.rules[rule.meta.id];
    const severity = setting?.severity ?? rule.meta.severity;
    if (severity === "off") continue;
    const options = { ...rule.meta.options, ...setting?.options };
    // A finding may carry its own severity (ShellCheck levels) unless the config sets the rule's.
    const report = (d: ReportDescriptor) => raw.push(toFinding(rule.meta, setting?.severity ? severity : d.severity ?? severity, d, model.path, docsBase));
    try {
      (rule.check as (ctx: unknown) => void)({ model, project, options, report, services });
    } catch (e) {
      raw.push(builtinFinding(RULE_FAILED, "failed", { rule: rule.meta.id, error: (e as Error)?.message ?? String(e) }, model.path, docsBase));
    }
  }
  const occurrences = new Map<string, number>();
  const kept: Finding[] = [];
  for (const f of raw) {
    if (f.range && isSuppressed(suppressions, f.ruleId, anchorLines(model, f.range.start.line))) continue;
    if (!f.range && isSuppressed(suppressions, f.ruleId, [])) continue;
    const anchorText = f.range ? anchorTextOf(model, f.range.start.line) : "";
    const scope = f.service ?? "";
    const key = [f.ruleId, scope, anchorText.replace(/\s+/g, " ")].join("\u0000");
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    f.fingerprint = fingerprint({ ruleId: f.ruleId, file: f.file, scope, anchorText, occurrence });
    kept.push(f);
  }
  return kept;
}

function toFinding(meta: RuleMeta, severity: Severity, d: ReportDescriptor, file: string, docsBase: string): Finding {
  let message = formatMessage(meta.messages[d.messageId] ?? d.messageId, d.data);
  if (d.secret) message = message.split(d.secret).join(maskSecret(d.secret));
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
  return finding;
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

/** Lines whose pragma can suppress a finding on `line`: the statement's first line and its YAML parents. */
function anchorLines(model: Model, line: number): number[] {
  if (model.kind === "dockerfile") {
    const ins = model.instructions.find((i) => i.range.start.line <= line && line <= i.range.end.line);
    return [ins ? ins.range.start.line : line];
  }
  return [line, ...yamlParents(model.index, line)];
}

function yamlParents(index: LineIndex, line: number): number[] {
  const parents: number[] = [];
  let indent = indentOf(index.line(line));
  for (let l = line - 1; l >= 1 && indent > 0; l--) {
    const text = index.line(l);
    if (!text.trim() || text.trimStart().startsWith("#")) continue;
    const i = indentOf(text);
    if (i < indent) {
      parents.push(l);
      indent = i;
    }
  }
  return parents;
}

/** Leading spaces; a sequence item's dash counts half a column deeper than a key at the same indent. */
function indentOf(text: string): number {
  const lead = text.length - text.trimStart().length;
  return text.trimStart().startsWith("-") ? lead + 0.5 : lead;
}

function anchorTextOf(model: Model, line: number): string {
  if (model.kind === "dockerfile") {
    const ins = model.instructions.find((i) => i.range.start.line <= line && line <= i.range.end.line);
    if (ins) return model.index.slice(ins.range);
  }
  return model.index.line(line);
}
