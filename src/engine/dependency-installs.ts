import { factsOf } from "./command-facts.js";
import type { ShellCommand, ShellWord } from "./parse/shell.js";
import { positionals } from "./package-managers.js";
import { toolCommand } from "./pinning.js";

export type Ecosystem = "python" | "node" | "go" | "ruby" | "php" | "rust" | "java" | "dotnet";

/** A command that installs a project's dependencies from its manifest (`npm ci`, `pip install -r`, …). */
export interface DependencyInstall {
  ecosystem: Ecosystem;
  /** The tool as run: `pip`, `npm`, `poetry`, `mvn`, … */
  tool: string;
  command: ShellCommand;
  /** The word that says what is done: the subcommand (`ci`, `install`, `dependency:go-offline`) or the tool name. */
  word: ShellWord;
  /** Requirement files named with `-r` / `--requirement` (pip only). */
  requirementFiles: ShellWord[];
}

const PIP_VALUED = ["-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root", "--cache-dir", "--timeout", "--retries", "--log", "--python", "--upgrade-strategy", "--trusted-host", "--proxy", "--progress-bar", "--report", "--config-settings", "-C"];
const JS_VALUED = ["--prefix", "--registry", "--cache", "-w", "--workspace", "--omit", "--include", "--loglevel", "--cwd", "--filter", "-F", "--modules-folder", "--cache-folder", "--network-timeout", "--mutex", "--install-strategy"];
const MAVEN_GOALS = /^(dependency:[\w-]+|package|install|verify|compile|test-compile)$/;
const GRADLE_TASKS = /^(dependencies|build|assemble|bootJar|jar|installDist|shadowJar|classes)$/;

/** Requirement files given to pip: `-r a.txt`, `--requirement=a.txt`, `-ra.txt`. */
export function requirementFiles(c: ShellCommand): ShellWord[] {
  const out: ShellWord[] = [];
  c.args.forEach((a, i) => {
    const v = a.value;
    if ((v === "-r" || v === "--requirement") && c.args[i + 1]) out.push(c.args[i + 1]);
    else if (v.startsWith("--requirement=")) out.push({ ...a, value: v.slice("--requirement=".length) });
    else if (/^-r[^-]/.test(v)) out.push({ ...a, value: v.slice(2) });
  });
  return out;
}

export function dependencyInstall(c: ShellCommand): DependencyInstall | null {
  const facts = factsOf(c);
  if (facts.dependency === undefined) facts.dependency = findDependencyInstall(c);
  return facts.dependency;
}

/** The tools findDependencyInstall knows (its switch's cases): any other command installs nothing. */
export const DEPENDENCY_TOOLS: ReadonlySet<string> = new Set([
  "pip", "uv", "poetry", "pipenv", "pdm", "npm", "pnpm", "bun", "yarn", "go", "bundle", "bundler", "composer", "cargo", "mvn", "mvnw", "gradle", "gradlew", "dotnet",
]);

function findDependencyInstall(c: ShellCommand): DependencyInstall | null {
  const { tool, command } = toolCommand(c);
  // Most commands (`apt-get`, `rm`, `echo`) run no such tool: no option lists to work out for them.
  if (!DEPENDENCY_TOOLS.has(tool)) return null;
  const words = (valued: string[] = []) => positionals(command, valued).map((p) => p.word);
  const make = (ecosystem: Ecosystem, word: ShellWord, files: ShellWord[] = []): DependencyInstall => ({ ecosystem, tool, command, word, requirementFiles: files });
  const has = (...flags: string[]) => command.args.some((a) => flags.some((f) => a.value === f || a.value.startsWith(`${f}=`)));
  const [first, second] = words(tool === "pip" ? PIP_VALUED : JS_VALUED);
  switch (tool) {
    case "pip": {
      if (first?.value !== "install") return null;
      const files = requirementFiles(command);
      if (files.length) return make("python", first, files);
      const local = words(PIP_VALUED.concat("-r", "--requirement")).slice(1).some((w) => /^\.(\[.*\])?$|^\.\//.test(w.value));
      const editable = command.args.some((a, i) => (a.value === "-e" || a.value === "--editable") && /^\./.test(command.args[i + 1]?.value ?? ""));
      return (local || editable) && !has("--no-deps") ? make("python", first) : null;
    }
    case "uv":
      if (first?.value === "sync") return make("python", first);
      if (first?.value === "pip" && (second?.value === "sync" || (second?.value === "install" && requirementFiles(command).length))) return make("python", second, requirementFiles(command));
      return null;
    case "poetry":
    case "pipenv":
    case "pdm":
      return first && ["install", "sync"].includes(first.value) ? make("python", first) : null;
    case "npm":
    case "pnpm":
    case "bun": {
      if (!first) return null;
      if (first.value === "ci") return make("node", first);
      const packages = words(JS_VALUED).slice(1);
      return ["install", "i"].includes(first.value) && !packages.length ? make("node", first) : null;
    }
    case "yarn":
      if (!first) return command.args.some((a) => /^(-v|--version|-h|--help)$/.test(a.value)) ? null : make("node", command.nameWord);
      return first.value === "install" ? make("node", first) : null;
    case "go":
      return first?.value === "mod" && second?.value === "download" ? make("go", second) : null;
    case "bundle":
    case "bundler":
      return !first || first.value === "install" ? make("ruby", first ?? command.nameWord) : null;
    case "composer":
      return first?.value === "install" ? make("php", first) : null;
    case "cargo":
      return first && ["fetch", "build"].includes(first.value) ? make("rust", first) : null;
    case "mvn":
    case "mvnw": {
      const goal = words(["-f", "--file", "-s", "--settings", "-P", "-pl", "--projects", "-D"]).find((w) => MAVEN_GOALS.test(w.value));
      return goal ? make("java", goal) : null;
    }
    case "gradle":
    case "gradlew": {
      const task = words().find((w) => GRADLE_TASKS.test(w.value));
      return task ? make("java", task) : null;
    }
    case "dotnet":
      if (first?.value === "restore") return make("dotnet", first);
      return first && ["publish", "build"].includes(first.value) && !has("--no-restore") ? make("dotnet", first) : null;
    default:
      return null;
  }
}
