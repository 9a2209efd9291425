import { factsOf } from "./command-facts.js";
import { allRunCommands } from "./execform.js";
import { APK_VALUED_OPTIONS, APT_VALUED_OPTIONS, positionals, RPM_VALUED_OPTIONS, unwrapCommand } from "./package-managers.js";
import type { DfInstruction, DockerfileModel } from "./parse/dockerfile.js";
import type { ShellCommand, ShellWord } from "./parse/shell.js";
import { hasFlag } from "./query.js";

/**
 * Package installers whose version pinning rules reason about (hadolint DL3008, DL3013, DL3016,
 * DL3018, DL3028, DL3033, DL3037, DL3041, DL3062).
 */
export type Installer = "apt" | "apk" | "pip" | "npm" | "gem" | "rpm" | "zypper" | "go";

interface Spec {
  installer: Installer;
  subcommands: string[];
  /** Options that take the next word as their value (`-t bookworm`, `--virtual .deps`). */
  valued: readonly string[];
  /** The install subcommand must be the first word that is not an option. */
  subcommandFirst: boolean;
  /** Options that make the command only show what it would install (`apt-get install -s`): nothing is installed. */
  dryRun?: string[];
}

const APT: Spec = {
  installer: "apt",
  subcommands: ["install"],
  valued: APT_VALUED_OPTIONS,
  subcommandFirst: true,
  dryRun: ["-s", "--simulate", "--just-print", "--dry-run", "--recon", "--no-act"],
};

const SPECS: Record<string, Spec> = {
  "apt-get": APT,
  apt: APT,
  apk: {
    installer: "apk",
    subcommands: ["add"],
    valued: APK_VALUED_OPTIONS,
    subcommandFirst: true,
    dryRun: ["-s", "--simulate"],
  },
  pip: {
    installer: "pip",
    subcommands: ["install"],
    valued: [
      "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url", "-f", "--find-links",
      "-t", "--target", "--prefix", "--root", "--src", "--upgrade-strategy", "--platform", "--python-version", "--implementation", "--abi",
      "--no-binary", "--only-binary", "--progress-bar", "--proxy", "--trusted-host", "--cache-dir", "--log", "--timeout", "--retries",
      "--python", "--report", "--exists-action", "--global-option", "--config-settings", "-C", "-b", "--build",
    ],
    subcommandFirst: true,
    dryRun: ["--dry-run"],
  },
  npm: {
    installer: "npm",
    subcommands: ["install", "i", "add", "in", "isntall"],
    valued: ["--prefix", "--registry", "--cache", "-w", "--workspace", "--tag", "--userconfig", "--omit", "--include", "--loglevel", "--install-strategy"],
    subcommandFirst: true,
    dryRun: ["--dry-run"],
  },
  gem: { installer: "gem", subcommands: ["install", "i"], valued: ["-v", "--version", "-s", "--source", "-i", "--install-dir", "-n", "--bindir", "--platform", "-P", "--trust-policy", "--build-root", "-g", "--file"], subcommandFirst: true },
  yum: { installer: "rpm", subcommands: ["install"], valued: RPM_VALUED_OPTIONS, subcommandFirst: true },
  dnf: { installer: "rpm", subcommands: ["install", "in"], valued: RPM_VALUED_OPTIONS, subcommandFirst: true },
  microdnf: { installer: "rpm", subcommands: ["install"], valued: RPM_VALUED_OPTIONS, subcommandFirst: true },
  tdnf: { installer: "rpm", subcommands: ["install"], valued: RPM_VALUED_OPTIONS, subcommandFirst: true },
  zypper: { installer: "zypper", subcommands: ["install", "in"], valued: ["-t", "--type", "-r", "--repo", "--from", "-R", "--root", "-c", "--config"], subcommandFirst: true },
  go: { installer: "go", subcommands: ["install"], valued: ["-C", "-o", "-p", "-ldflags", "-gcflags", "-asmflags", "-gccgoflags", "-tags", "-mod", "-modfile", "-pkgdir", "-buildmode", "-compiler", "-installsuffix", "-overlay", "-pgo", "-toolexec"], subcommandFirst: true },
};

const base = (name: string): string => name.slice(name.lastIndexOf("/") + 1);

/**
 * The tool a command runs, looking through wrappers (`sudo`, `env X=1`) and `python -m <module>`:
 * `sudo python3 -m pip install x` → tool `pip` with args `install x`. Versioned names are folded:
 * `pip3.12` → `pip`.
 */
export function toolCommand(c: ShellCommand): ToolCommand {
  const facts = factsOf(c);
  return (facts.tool ??= findToolCommand(c));
}

export interface ToolCommand {
  readonly tool: string;
  readonly command: ShellCommand;
}


function findToolCommand(c: ShellCommand): ToolCommand {
  let command = unwrapCommand(c);
  const name = base(command.name);
  if (/^python[0-9.]*$/.test(name) && command.args[0]?.value === "-m" && command.args[1]) {
    const [, mod, ...rest] = command.args;
    command = { ...command, name: mod.value, nameWord: mod, args: rest };
  }
  const tool = base(command.name).replace(/^pip[0-9.]*$/, "pip");
  return { tool, command };
}

export interface PackageInstall {
  installer: Installer;
  /** The tool's own name as run: `apt-get`, `microdnf`, `pip`. */
  tool: string;
  command: ShellCommand;
  subcommand: ShellWord;
  /** The words after the subcommand that are not options or option values. */
  packages: ShellWord[];
}

/**
 * A command that installs named packages with one of the installers, or null. A dry run
 * (`apt-get install -s pkg`, used to ask whether a package exists) installs nothing and is null.
 */
export function packageInstall(c: ShellCommand): PackageInstall | null {
  const facts = factsOf(c);
  if (facts.install === undefined) facts.install = findPackageInstall(c);
  return facts.install;
}

function findPackageInstall(c: ShellCommand): PackageInstall | null {
  const { tool, command } = toolCommand(c);
  const spec = SPECS[tool];
  if (!spec || (spec.dryRun && hasFlag(command, ...spec.dryRun))) return null;
  const words = positionals(command, spec.valued);
  let at = spec.subcommandFirst ? (spec.subcommands.includes(words[0]?.word.value ?? "") ? 0 : -1) : words.findIndex((p) => spec.subcommands.includes(p.word.value));
  // `dnf module install nodejs:18`
  if (at < 0 && spec.installer === "rpm" && words[0]?.word.value === "module" && spec.subcommands.includes(words[1]?.word.value ?? "")) at = 1;
  if (at < 0) return null;
  let rest = words.slice(at + 1);
  // gem passes everything after `--` to the gem's build
  if (spec.installer === "gem") {
    const dd = command.args.findIndex((a) => a.value === "--");
    if (dd >= 0) rest = rest.filter((p) => p.index < dd);
  }
  return { installer: spec.installer, tool, command, subcommand: words[at].word, packages: rest.map((p) => p.word) };
}

const PIP_OPERATORS = ["==", ">=", "<=", "!=", "~=", ">", "<", "="];
const VCS = /^(git|hg|svn|bzr)(\+[a-z-]+)?:/i;

/** True when the package word names a version, a local file or a source that carries its own. */
export function isPinned(installer: Installer, pkg: string, inModule = false): boolean {
  switch (installer) {
    case "apt":
      return pkg.includes("=") || pkg.includes("/") || pkg.endsWith(".deb");
    case "apk":
      return pkg.includes("=") || pkg.includes("~") || pkg.endsWith(".apk") || pkg.includes("/");
    case "pip":
      if (VCS.test(pkg)) return pkg.slice(pkg.indexOf(":") + 1).includes("@");
      return PIP_OPERATORS.some((op) => pkg.includes(op)) || pkg.includes("@") || pkg.includes("/") || pkg.startsWith(".") || /\.(whl|tar\.gz|zip|tgz)$/.test(pkg);
    case "npm": {
      if (/^(git(\+[a-z]+)?:\/\/|github:|gitlab:|bitbucket:|gist:)/.test(pkg) || /^[\w.-]+\/[\w.-]+(#.*)?$/.test(pkg)) return true;
      if (/^(\/|\.\/|\.\.\/|~\/|\.$|file:|https?:\/\/)/.test(pkg) || /\.(tar|tar\.gz|tgz)$/.test(pkg)) return true;
      const name = pkg.startsWith("@") ? pkg.slice(pkg.indexOf("/") + 1) : pkg;
      return name.includes("@");
    }
    case "gem":
      return pkg.includes(":") || pkg.endsWith(".gem");
    case "rpm":
      return inModule ? pkg.includes(":") : rpmVersioned(pkg);
    case "zypper":
      return /[=<>]/.test(pkg) || pkg.endsWith(".rpm");
    case "go":
      // remote module paths start with a domain; `tool`, `all`, `std` and `cmd/...` are patterns of the local module or toolchain
      return pkg.includes("@") || /^(\.|\/)/.test(pkg) || !pkg.split("/")[0].includes(".");
  }
}

/** `httpd-2.4.6`, `curl-7.61.1-22.el8`, `rethinkdb-$VERSION`, a `.rpm` file or URL; not `python3-pip`. */
function rpmVersioned(pkg: string): boolean {
  if (pkg.endsWith(".rpm") || pkg.includes("/") || pkg.startsWith("@")) return true;
  const parts = pkg.split("-").slice(1);
  if (!parts.length) return false;
  const versionish = (p: string) => /^[A-Za-z0-9.~^_:+]+$/.test(p) || p.includes("$");
  return parts.some((p) => /^[0-9$]/.test(p)) && parts.slice(parts.findIndex((p) => /^[0-9$]/.test(p))).every(versionish);
}

export interface UnpinnedPackage {
  instruction: DfInstruction;
  install: PackageInstall;
  word: ShellWord;
}

/**
 * Every package a RUN (shell or exec form, ONBUILD included) installs with `installer` without a
 * version. Words built from variables are skipped: their value is only known at build time.
 */
export function* unpinnedPackages(model: DockerfileModel, installer: Installer): Iterable<UnpinnedPackage> {
  for (const { instruction, command } of allRunCommands(model)) {
    const install = packageInstall(command);
    if (!install || install.installer !== installer) continue;
    const c = install.command;
    // pip: a constraints file pins every package of the command
    if (installer === "pip" && c.args.some((a) => /^(-c|--constraint)(=|$)/.test(a.value))) continue;
    const inModule = installer === "rpm" && positionals(c, RPM_VALUED_OPTIONS)[0]?.word.value === "module";
    const versionedGem = installer === "gem" ? gemVersionFlagTarget(install) : null;
    for (const word of install.packages) {
      if (word === versionedGem || isPinned(installer, word.value, inModule) || word.dynamic || !word.value) continue;
      yield { instruction, install, word };
    }
  }
}

/** The gem a `-v`/`--version` option applies to: the only gem, else the one written just before the option. */
function gemVersionFlagTarget(install: PackageInstall): ShellWord | null {
  const args = install.command.args;
  const flag = args.findIndex((a) => a.value === "-v" || a.value === "--version" || a.value.startsWith("--version="));
  if (flag < 0) return null;
  if (install.packages.length === 1) return install.packages[0];
  const before = install.packages.filter((p) => args.indexOf(p) < flag);
  return before[before.length - 1] ?? install.packages.find((p) => args.indexOf(p) > flag + 1) ?? null;
}
