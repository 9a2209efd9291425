import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { auditFiles, rules } from "../audit.js";
import { ConfigError, fixUntilSettled, createClassifier, DEFAULT_CONFIG, DEFAULT_DOCS_URL, parseConfigText, type Config, type Report } from "../engine/index.js";
import { linkedPaths } from "../engine/links.js";
import { parseCompose } from "../engine/parse/compose.js";
import { renderJson } from "../formatters/json.js";
import { renderMarkdown } from "../formatters/markdown.js";
import { renderSarif } from "../formatters/sarif.js";
import { inert, renderText } from "../formatters/text.js";
import { shellcheck } from "../shellcheck.js";
import { parseArgs, UsageError, USAGE, type CheckArgs } from "./args.js";
import { collect } from "./files.js";
import { renderRules } from "./rules.js";
import { SEVERITY_RANK, shouldFail } from "./threshold.js";

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

const TOOL = { name: "dockaudit", version: packageVersion(), informationUri: "https://github.com/dockaudit/dockaudit" };

/** Runs the CLI and returns its exit code: 0 clean, 1 findings at or over the threshold, 2 usage or config error. */
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
      io.stderr(`dockaudit: invalid config:\n${e.problems.map((p) => `  ${p.key}: ${p.message}`).join("\n")}\n`);
      return 2;
    }
    throw e;
  }
}

function check(args: CheckArgs, io: Io): number {
  const config = loadConfig(args.config);
  const classify = createClassifier(config.files);
  const linked = (files: { path: string; content: string }[]) =>
    files.filter((f) => classify(f.path) === "compose").flatMap((f) => linkedPaths(parseCompose(f.path, f.content)));
  const { files, tree, missing, unrecognised, unlistable, root } = collect(args.paths, classify, config.limits.maxFileBytes, linked);
  if (missing.length) throw new UsageError(`no such file or directory: ${missing.join(", ")}`);
  if (unrecognised.length) {
    throw new UsageError(`not a Dockerfile, Compose file or .dockerignore: ${unrecognised.join(", ")} (add a pattern under files: in the config)`);
  }
  for (const dir of unlistable) io.stderr(`dockaudit: could not read directory ${inert(dir)}; nothing under it was audited\n`);
  let report = auditFiles(files, { config, tree, shellcheck });
  if (args.fix) report = fixFiles(report, files, root, config, tree, io);
  io.stdout(render(report, args, io));
  return shouldFail(report.findings, args.failOn ?? config.failOn) ? 1 : 0;
}

/** Applies every fix until the passes settle (fixUntilSettled), then writes the changed files. */
function fixFiles(report: Report, files: { path: string; content: string }[], root: string, config: Config, tree: string[], io: Io): Report {
  const result = fixUntilSettled(files, report, (fixed) => auditFiles(fixed, { config, tree, shellcheck }));
  for (const file of result.files) if (result.changed.includes(file.path)) writeFileSync(resolve(root, file.path), file.content);
  const fixed = result.applied.length;
  io.stderr(`dockaudit: applied ${fixed} fix${fixed === 1 ? "" : "es"}\n`);
  return result.report;
}

function render(report: Report, args: CheckArgs, io: Io): string {
  switch (args.format) {
    case "json":
      return renderJson(report, { name: TOOL.name, version: TOOL.version });
    case "sarif":
      return renderSarif(report, rules.map((r) => r.meta), TOOL, (m) => `${DEFAULT_DOCS_URL}/${m.target}/${m.id}.md`);
    case "markdown":
      return renderMarkdown(report);
    default:
      return renderText(report, { color: args.color ?? (io.isTTY && !io.env.NO_COLOR) });
  }
}

function loadConfig(path: string | null): Config {
  if (!path) return DEFAULT_CONFIG;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read config ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseConfigText(text, rules.map((r) => r.meta));
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
