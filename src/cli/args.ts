export type Format = "text" | "json" | "sarif" | "markdown";

export interface CheckArgs {
  command: "check";
  paths: string[];
  format: Format;
  failOn: "error" | "warning" | "info" | "none" | null;
  config: string | null;
  fix: boolean;
  color: boolean | null;
}

export interface RulesArgs {
  command: "rules";
  format: "text" | "json" | "markdown";
}

export type Args = CheckArgs | RulesArgs | { command: "help" } | { command: "version" };

export class UsageError extends Error {}

export const USAGE = `Usage:
  dockaudit check [paths...] [--format text|json|sarif|markdown] [--fail-on error|warning|info|none]
                  [--config <file>] [--fix] [--color|--no-color]
  dockaudit rules [--format text|json|markdown]
  dockaudit --help | --version

check   audits Dockerfiles, Compose files and .dockerignore files; directories are walked
        (.git and node_modules skipped). Exit code 0: nothing at or over the --fail-on threshold
        (default: the config's fail_on, else error); 1: findings at or over it; 2: usage or config error,
        or output that could not be written.
rules   lists every rule with its id, code, category, default severity and aliases.`;

const FORMATS = ["text", "json", "sarif", "markdown"];
const FAIL_ON = ["error", "warning", "info", "none"];

export function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") return { command: "help" };
  if (command === "--version" || command === "-v") return { command: "version" };
  if (command === "rules") {
    const { values, positionals } = scan(rest, ["--format"], []);
    if (positionals.length) throw new UsageError(`rules takes no paths (got ${positionals[0]})`);
    const format = values["--format"] ?? "text";
    if (format !== "text" && format !== "json" && format !== "markdown") throw new UsageError(`--format for rules must be text, json or markdown (got ${format})`);
    return { command: "rules", format };
  }
  if (command !== "check") throw new UsageError(`unknown command "${command}" (expected check or rules)`);
  const { values, flags, positionals } = scan(rest, ["--format", "--fail-on", "--config"], ["--fix", "--color", "--no-color"]);
  const format = values["--format"] ?? "text";
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")} (got ${format})`);
  const failOn = values["--fail-on"] ?? null;
  if (failOn !== null && !FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(", ")} (got ${failOn})`);
  return {
    command: "check",
    paths: positionals.length ? positionals : ["."],
    format: format as Format,
    failOn: failOn as CheckArgs["failOn"],
    config: values["--config"] ?? null,
    fix: flags.has("--fix"),
    color: flags.has("--no-color") ? false : flags.has("--color") ? true : null,
  };
}

function scan(args: string[], valued: string[], booleans: string[]) {
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [name, inline] = arg.startsWith("--") ? (arg.split(/=(.*)/s, 2) as [string, string | undefined]) : [arg, undefined];
    if (valued.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      values[name] = value;
    } else if (booleans.includes(name)) {
      if (inline !== undefined) throw new UsageError(`${name} takes no value (got ${arg})`);
      flags.add(name);
    } else if (arg === "--") {
      positionals.push(...args.slice(i + 1));
      break;
    } else if (arg.startsWith("-") && arg !== "-") {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      positionals.push(arg);
    }
  }
  return { values, flags, positionals };
}
