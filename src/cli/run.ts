import { readFileSync, writeFileSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { parse as parseYaml } from "yaml";
import { auditFiles, rules } from "../audit.js";
import { ConfigError, fixUntilSettled, createClassifier, DEFAULT_CONFIG, DEFAULT_DOCS_URL, MAX_CONFIG_BYTES, parseConfigText, problemLines, type AuditOptions, type Config, type Report } from "../engine/index.js";
import type { SourceFile } from "../engine/types.js";
import { linkedPaths } from "../engine/links.js";
import { parseCompose } from "../engine/parse/compose.js";
import { renderJson } from "../formatters/json.js";
import { renderMarkdown } from "../formatters/markdown.js";
import { renderSarif } from "../formatters/sarif.js";
import { inert, renderText } from "../formatters/text.js";
import { shellcheck } from "../shellcheck.js";
import { parseArgs, UsageError, USAGE, type CheckArgs } from "./args.js";
import { collect, commonRoot, readBytes, readSource } from "./files.js";
import { renderRules } from "./rules.js";
import { sarifBase } from "./sarif-base.js";
import { SEVERITY_RANK, shouldFail } from "./threshold.js";

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

const TOOL = { name: "dockaudit", version: packageVersion(), informationUri: "https://github.com/dockaudit/dockaudit" };

/** The most directories named one by one on stderr. */
const MAX_NOTES = 10;

/** Runs the CLI and returns its exit code: 0 clean, 1 findings at or over the threshold, 2 usage or config error, or no audit. */
export function main(argv: string[], io: Io): number {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case "help":
        io.stdout(`${USAGE}\n`);
        return 0;
      case "version":
        io.stdout(`${TOOL.version}\n`);
        return 0;
      case "rules":
        io.stdout(renderRules(rules.map((r) => r.meta), args.format, DEFAULT_DOCS_URL));
        return 0;
      case "check":
        return check(args, io);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`dockaudit: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof ConfigError) {
      io.stderr(`dockaudit: invalid config:\n${e.problems.map((p) => `  ${inert(p.key)}${p.line ? ` (line ${p.line})` : ""}: ${inert(p.message)}`).join("\n")}\n`);
      return 2;
    }
    // Exit code 1 means findings to CI: a crash must not read as an audit that ran.
    io.stderr(`dockaudit: the audit did not complete (an internal error; please report it):\n${String((e as Error)?.stack ?? e).split("\n").map(inert).join("\n")}\n`);
    return 2;
  }
}

function check(args: CheckArgs, io: Io): number {
  if ([...args.paths, args.config ?? "/"].some((p) => !isAbsolute(p))) workingDirectory();
  const config = loadConfig(args.config);
  // The config's globs read paths from the repository root, taken to be the working directory;
  // the audited paths start at the directory audited.
  const globPrefix = prefixFromCwd(commonRoot(args.paths));
  const classifyFromCwd = createClassifier(config.files);
  const classify = (path: string) => classifyFromCwd(globPrefix + path);
  const linked = (files: { path: string; content: string }[]) =>
    files.filter((f) => classify(f.path) === "compose").flatMap((f) => linkedPaths(parseCompose(f.path, f.content)));
  const { files, tree, missing, inaccessible, unrecognised, unlistable, unlisted, stopped, root } = collect(args.paths, classify, config.limits.maxFileBytes, linked);
  if (missing.length) throw new UsageError(`no such file or directory: ${missing.map(inert).join(", ")}`);
  if (inaccessible.length) throw new UsageError(`cannot open ${inaccessible.map(inert).join(", ")}`);
  if (unrecognised.length) {
    throw new UsageError(`not a Dockerfile, Compose file or .dockerignore: ${unrecognised.map(inert).join(", ")} (add a pattern under files: in the config)`);
  }
  if (unlisted) io.stderr(`dockaudit: ${unlisted} files past the first ${tree.length} were not listed (every Docker file was); checks that a path exists may miss them\n`);
  if (stopped) io.stderr(`dockaudit: stopped walking ${inert(root)} after ${tree.length + unlisted} files; Docker files further on were not audited (name narrower paths)\n`);
  for (const dir of unlistable.slice(0, MAX_NOTES)) io.stderr(`dockaudit: could not read directory ${inert(dir)}; nothing under it was audited\n`);
  if (unlistable.length > MAX_NOTES) io.stderr(`dockaudit: ${unlistable.length - MAX_NOTES} more directories could not be read\n`);
  if (!files.length) io.stderr(`dockaudit: no Dockerfile, Compose file or .dockerignore found in ${args.paths.map(inert).join(", ")}\n`);
  // A walk cut short lists part of the tree: what it lacks is not known to be missing.
  const treeTruncated = unlisted > 0 || stopped;
  const options = { config, tree, treeTruncated, shellcheck, globPrefix };
  let report = auditFiles(files, options);
  if (args.fix) report = fixFiles(report, files, root, options, io);
  io.stdout(render(report, args, io, root));
  return shouldFail(report.findings, args.failOn ?? config.failOn) ? 1 : 0;
}

/**
 * Applies every fix until the passes settle (fixUntilSettled), then writes the changed files. A file
 * is written only when its bytes on disk are still the UTF-8 text that was audited: a file in another
 * encoding (read with replacement characters) or edited meanwhile is left as it is. The report
 * returned is the audit of what the files hold afterwards.
 */
function fixFiles(report: Report, files: SourceFile[], root: string, options: AuditOptions, io: Io): Report {
  const reaudit = (input: readonly SourceFile[]) => auditFiles(input, options);
  const original = new Map<string, Buffer>();
  const skipped = new Set<string>();
  for (const path of new Set(report.findings.filter((f) => f.fix).map((f) => f.file))) {
    const file = files.find((f) => f.path === path);
    const bytes = readBytes(resolve(root, path));
    if (file && bytes?.equals(Buffer.from(file.content, "utf8"))) original.set(path, bytes);
    else {
      skipped.add(path);
      io.stderr(`dockaudit: ${inert(path)} is not valid UTF-8 (or changed while it was read); its fixes were not applied\n`);
    }
  }
  const withoutSkipped = (r: Report): Report => ({ ...r, findings: r.findings.map((f) => (f.fix && skipped.has(f.file) ? { ...f, fix: undefined } : f)) });
  const result = fixUntilSettled(files, withoutSkipped(report), (input) => withoutSkipped(reaudit(input)));
  const written = new Set<string>();
  for (const file of result.files) {
    if (!result.changed.includes(file.path)) continue;
    const problem = writeIfUnchanged(resolve(root, file.path), original.get(file.path)!, file.content);
    if (problem) io.stderr(`dockaudit: ${inert(file.path)} ${problem}; its fixes were not applied\n`);
    else written.add(file.path);
  }
  const fixed = result.applied.filter((f) => written.has(f.file)).length;
  io.stderr(`dockaudit: applied ${fixed} fix${fixed === 1 ? "" : "es"}\n`);
  if (!result.settled) io.stderr(`dockaudit: fixes were still pending after ${result.passes} passes (two fixes may undo each other); the findings left are listed\n`);
  if (!skipped.size && written.size === result.changed.length) return result.report;
  return reaudit(result.files.map((f) => (written.has(f.path) ? f : files.find((o) => o.path === f.path)!)));
}

/** Writes `content` over `path` when the file still holds `expected`; else says why not. */
function writeIfUnchanged(path: string, expected: Buffer, content: string): string | null {
  if (!readBytes(path)?.equals(expected)) return "changed while it was being fixed";
  try {
    writeFileSync(path, content);
    return null;
  } catch (e) {
    return `could not be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
}

function render(report: Report, args: CheckArgs, io: Io, root: string): string {
  switch (args.format) {
    case "json":
      return renderJson(report, { name: TOOL.name, version: TOOL.version });
    case "sarif":
      return renderSarif(report, rules.map((r) => r.meta), TOOL, (m) => `${DEFAULT_DOCS_URL}/${m.target}/${m.id}.md`, sarifBase(root));
    case "markdown":
      return renderMarkdown(report);
    default:
      return renderText(report, { color: args.color ?? (io.isTTY && !io.env.NO_COLOR) });
  }
}

function loadConfig(path: string | null): Config {
  if (!path) return DEFAULT_CONFIG;
  const { content: text, unreadable } = readSource(path, path, MAX_CONFIG_BYTES);
  if (unreadable) throw new UsageError(`cannot use config ${path}: ${unreadable.replace("limits.max_file_bytes", "the most a config may hold")}`);
  const config = parseConfigText(text, rules.map((r) => r.meta));
  if (extendsAnother(text)) throw new ConfigError(problemLines(text, [{ key: "_extends", path: ["_extends"], message: "the CLI does not fetch other configs; copy the settings it names into this file" }]));
  return config;
}

/** True when the (already validated) config text has an `_extends` key: only the app follows it. */
function extendsAnother(text: string): boolean {
  const raw: unknown = parseYaml(text, { maxAliasCount: 100 });
  return typeof raw === "object" && raw !== null && Object.hasOwn(raw, "_extends");
}

/**
 * The audited root's path from the working directory, where the config's globs start. Empty when
 * the root is the working directory, lies outside it, or the working directory cannot be read.
 */
export function prefixFromCwd(root: string, cwd = tryCwd()): string {
  if (cwd === null) return "";
  const rel = relative(cwd, root);
  if (!rel || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return "";
  return `${rel.split(sep).join("/")}/`;
}

function tryCwd(): string | null {
  try {
    return process.cwd();
  } catch {
    return null;
  }
}

/** The working directory, which relative paths need; it may have been deleted under the shell. */
function workingDirectory(): string {
  try {
    return process.cwd();
  } catch (e) {
    throw new UsageError(`the current directory cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): it may have been deleted; cd to an existing one`);
  }
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };
    return pkg.version;
  } catch {
    return "0.0.0";
  }
}

export { SEVERITY_RANK };
