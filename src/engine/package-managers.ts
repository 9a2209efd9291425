import { factsOf } from "./command-facts.js";
import type { ShellCommand, ShellWord } from "./parse/shell.js";

/** System package managers whose install, update and upgrade commands rules reason about. */
export type PackageManager = "apt-get" | "apt" | "apk" | "yum" | "dnf" | "microdnf" | "tdnf" | "zypper" | "pacman";

const MANAGERS = new Set<string>(["apt-get", "apt", "apk", "yum", "dnf", "microdnf", "tdnf", "zypper", "pacman"]);

/** Wrappers that run the command given after their own options, with the options that take a value. */
const WRAPPERS: Record<string, string[]> = {
  sudo: ["-u", "-g", "-h", "-p", "-C", "-D", "-r", "-t", "-U", "-T", "--user", "--group", "--host", "--prompt", "--chdir"],
  doas: ["-u", "-C"],
  env: ["-u", "-C", "-S", "--unset", "--chdir", "--split-string"],
  nice: ["-n", "--adjustment"],
  nohup: [],
  time: ["-f", "-o", "--format", "--output"],
  eatmydata: [],
  stdbuf: ["-i", "-o", "-e"],
  "xvfb-run": [],
};

const base = (name: string): string => name.slice(name.lastIndexOf("/") + 1);

/**
 * The command that actually runs behind `sudo`, `env VAR=x`, `nice -n 5` and similar wrappers:
 * `sudo -E apt-get install x` → `apt-get install x`. Returns the command itself when unwrapped.
 */
export function unwrapCommand(c: ShellCommand): ShellCommand {
  const facts = factsOf(c);
  return (facts.unwrapped ??= unwrap(c));
}

function unwrap(c: ShellCommand): ShellCommand {
  // Most commands are not a wrapper: they need no list of their words.
  if (!WRAPPERS[base(c.nameWord.value)]) return c;
  let words: ShellWord[] = [c.nameWord, ...c.args];
  for (let depth = 0; depth < 5; depth++) {
    const valued = WRAPPERS[base(words[0]?.value ?? "")];
    if (!valued) break;
    let i = 1;
    while (i < words.length) {
      const v = words[i].value;
      if (v === "--") {
        i++;
        break;
      }
      if (v.startsWith("-")) i += valued.includes(v) ? 2 : 1;
      else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) i++;
      else break;
    }
    if (i >= words.length) return c;
    words = words.slice(i);
  }
  if (words[0] === c.nameWord) return c;
  return { name: words[0].value, nameWord: words[0], args: words.slice(1), assigns: c.assigns, range: c.range };
}

/** The package manager a (possibly wrapped) command runs, with the unwrapped command. */
export function packageCommand(c: ShellCommand): { manager: PackageManager; command: ShellCommand } | null {
  const command = unwrapCommand(c);
  const name = base(command.name);
  return MANAGERS.has(name) ? { manager: name as PackageManager, command } : null;
}

/** apt and apt-get options that take the next word as their value (`-o Dpkg::Options::=…`, `-t bookworm`). */
export const APT_VALUED_OPTIONS: readonly string[] = ["-t", "--target-release", "--default-release", "-o", "--option", "-c", "--config-file"];

/** yum, dnf, microdnf and tdnf options that take the next word as their value (`--enablerepo epel`, `-x kernel*`). */
export const RPM_VALUED_OPTIONS: readonly string[] = [
  "-c", "--config", "--installroot", "--releasever", "-x", "--exclude", "--repo", "--repoid", "--enablerepo", "--disablerepo",
  "--setopt", "-d", "--debuglevel", "-e", "--errorlevel", "--forcearch", "--downloaddir", "--destdir",
];

/** apk options that take the next word as their value (`-X https://…/testing`, `--virtual .deps`). */
export const APK_VALUED_OPTIONS: readonly string[] = ["-t", "--virtual", "-X", "--repository", "-p", "--root", "--keys-dir", "--cache-dir", "--arch", "--repositories-file"];

const VALUED_OPTIONS: Partial<Record<PackageManager, readonly string[]>> = {
  "apt-get": APT_VALUED_OPTIONS,
  apt: APT_VALUED_OPTIONS,
  apk: APK_VALUED_OPTIONS,
  yum: RPM_VALUED_OPTIONS,
  dnf: RPM_VALUED_OPTIONS,
  microdnf: RPM_VALUED_OPTIONS,
  tdnf: RPM_VALUED_OPTIONS,
};

export interface Positional {
  word: ShellWord;
  /** Index of the word in `command.args`. */
  index: number;
}

/** Words that are not options nor option values; `--` ends the options. */
export function positionals(c: ShellCommand, valued: readonly string[]): Positional[] {
  const out: Positional[] = [];
  let optionsEnded = false;
  for (let i = 0; i < c.args.length; i++) {
    const word = c.args[i];
    const v = word.value;
    if (!optionsEnded && v === "--") {
      optionsEnded = true;
      continue;
    }
    if (!optionsEnded && v.startsWith("-") && v !== "-") {
      if (valued.includes(v)) i++;
      continue;
    }
    out.push({ word, index: i });
  }
  return out;
}

/**
 * The first argument that is neither an option nor an option's value: the subcommand (`install`,
 * `update`, ...). `apt-get -o Acquire::Retries=3 update` → `update`.
 */
export function subcommandOf(c: ShellCommand): ShellWord | undefined {
  const valued = VALUED_OPTIONS[base(c.name) as PackageManager];
  if (!valued) return c.args.find((a) => !a.value.startsWith("-"));
  return positionals(c, valued)[0]?.word;
}

/** The words after the subcommand that are neither options nor option values: the packages of `yum update openssl`. */
export function operandsOf(c: ShellCommand): ShellWord[] {
  return positionals(c, VALUED_OPTIONS[base(c.name) as PackageManager] ?? []).slice(1).map((p) => p.word);
}

/** The word naming the operation: the subcommand, or pacman's `-S…` operation flag. */
export function operationWord(manager: PackageManager, c: ShellCommand): ShellWord | undefined {
  if (manager === "pacman") return c.args.find((a) => /^-[A-Z]/.test(a.value) || a.value === "--sync");
  return subcommandOf(c);
}

const INSTALL: Record<PackageManager, string[]> = {
  "apt-get": ["install"],
  apt: ["install"],
  apk: ["add"],
  yum: ["install", "groupinstall", "localinstall", "reinstall"],
  dnf: ["install", "in", "groupinstall", "localinstall", "reinstall"],
  microdnf: ["install"],
  tdnf: ["install"],
  zypper: ["install", "in"],
  pacman: [],
};

/** True when the command installs packages (`apt-get install`, `apk add`, `pacman -S pkg`). */
export function isInstall(manager: PackageManager, c: ShellCommand): boolean {
  if (manager === "pacman") return pacmanOps(c).has("S") && c.args.some((a) => !a.value.startsWith("-"));
  const sub = subcommandOf(c)?.value;
  return !!sub && INSTALL[manager].includes(sub);
}

/** True when the command refreshes the package index (`apt-get update`, `zypper refresh`, `pacman -Sy`). */
export function isIndexUpdate(manager: PackageManager, c: ShellCommand): boolean {
  const sub = subcommandOf(c)?.value;
  switch (manager) {
    case "apt-get":
    case "apt":
    case "apk":
      return sub === "update";
    case "yum":
    case "dnf":
    case "microdnf":
    case "tdnf":
      return sub === "update" || sub === "makecache" || sub === "check-update" || sub === "upgrade";
    case "zypper":
      return sub === "refresh" || sub === "ref";
    case "pacman":
      return pacmanOps(c).has("S") && pacmanOps(c).has("y");
  }
}

/** Letters of pacman's operation bundles (`-Syu` → S, y, u). */
function pacmanOps(c: ShellCommand): Set<string> {
  const letters = new Set<string>();
  for (const a of c.args) {
    if (/^-[A-Za-z]+$/.test(a.value)) for (const ch of a.value.slice(1)) letters.add(ch);
    else if (a.value === "--sync") letters.add("S");
    else if (a.value === "--refresh") letters.add("y");
  }
  return letters;
}
