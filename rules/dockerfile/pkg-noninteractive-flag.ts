import { allRunCommands } from "../../src/engine/execform.js";
import { packageCommand, subcommandOf, type PackageManager } from "../../src/engine/package-managers.js";
import type { ShellCommand, ShellScript } from "../../src/engine/parse/shell.js";
import { hasFlag } from "../../src/engine/query.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { comparePos } from "../../src/engine/text.js";
import type { Range } from "../../src/engine/types.js";

/** Subcommands that ask for confirmation, and the flags that answer it, per package manager. */
const PROMPTS: Partial<Record<PackageManager, { subcommands: string[]; flags: string[] }>> = {
  "apt-get": { subcommands: ["install", "upgrade", "dist-upgrade", "full-upgrade", "remove", "purge", "autoremove", "build-dep", "reinstall"], flags: ["-y", "--yes", "--assume-yes", "--force-yes"] },
  apt: { subcommands: ["install", "upgrade", "dist-upgrade", "full-upgrade", "remove", "purge", "autoremove", "reinstall"], flags: ["-y", "--yes", "--assume-yes"] },
  yum: { subcommands: ["install", "groupinstall", "localinstall", "reinstall", "update", "upgrade", "remove", "erase", "downgrade"], flags: ["-y", "--assumeyes"] },
  dnf: { subcommands: ["install", "in", "groupinstall", "localinstall", "reinstall", "update", "upgrade", "remove", "erase", "downgrade", "autoremove"], flags: ["-y", "--assumeyes"] },
  tdnf: { subcommands: ["install", "reinstall", "update", "upgrade", "remove", "erase", "downgrade", "autoremove"], flags: ["-y", "--assumeyes"] },
  zypper: { subcommands: ["install", "in", "remove", "rm", "update", "up", "patch", "dist-upgrade", "dup", "source-install", "si"], flags: ["-y", "--no-confirm"] },
};

export default defineDockerfileRule({
  meta: {
    id: "pkg-noninteractive-flag",
    code: "DF312",
    category: "reliability",
    severity: "warning",
    description: "A package manager that asks for confirmation runs without its non-interactive flag.",
    aliases: [
      "DL3014", "DL3030", "DL3038", "DL3034", "DS-0021",
      "kics:77783205-c4ca-4f80-bb80-c777f267c547", "kics:6e19193a-8753-436d-8a09-76dcff91bb03",
      "kics:7ebd323c-31b7-4e5b-b26f-de5e9e477af8", "kics:45e1fca5-f90e-465d-825f-c2cb63fa3944",
    ],
    fixable: true,
    messages: {
      missing: "`{{manager}} {{subcommand}}` runs without `{{flag}}`; whenever it asks for confirmation (dependencies to install, packages to remove), a build has no terminal to answer, so the step aborts. Add `{{flag}}`.",
      zypper: "`zypper {{subcommand}}` runs without `--non-interactive`; whenever it asks for confirmation, a build has no terminal to answer, so the step aborts. Write `zypper -n {{subcommand}}`: `-n` is a global option and goes before the subcommand (after it, `-n` means `--name`).",
    },
  },
  check({ model, report }) {
    for (const { instruction, command: raw } of allRunCommands(model)) {
      const found = packageCommand(raw);
      const rule = found && PROMPTS[found.manager];
      if (!found || !rule) continue;
      const { manager, command } = found;
      const sub = subcommandOf(command);
      if (!sub || !rule.subcommands.includes(sub.value) || answered(manager, command, rule.flags)) continue;
      if (manager === "zypper" && hasFlag({ ...command, args: command.args.slice(0, command.args.indexOf(sub)) }, ...ZYPPER_GLOBAL)) continue;
      if (pipedFromYes(instruction.script, raw)) continue;
      const exec = !!instruction.execForm;
      const literal = sub.raw === (exec ? JSON.stringify(sub.value) : sub.value);
      // zypper's source-install has no -y: the global -n goes right after the program name.
      const globalN = manager === "zypper" && ZYPPER_NO_Y.includes(sub.value);
      const flagText = globalN ? "-n" : "-y";
      const at = globalN ? command.nameWord.range.end : sub.range.end;
      report({
        messageId: manager === "zypper" ? "zypper" : "missing",
        data: manager === "zypper" ? { subcommand: sub.value } : { manager, subcommand: sub.value, flag: "-y" },
        range: sub.range,
        fix: literal
          ? {
              description: globalN ? `Add -n before ${sub.value}` : `Add -y after ${sub.value}`,
              edits: [{ range: { start: at, end: at }, text: exec ? `, "${flagText}"` : ` ${flagText}` }],
            }
          : undefined,
      });
    }
  },
});

/** zypper's global options that answer every prompt; they are only global before the subcommand. */
const ZYPPER_GLOBAL = ["-n", "--non-interactive"];

/** zypper subcommands without the `-y`/`--no-confirm` alias: only the global `-n` answers them. */
const ZYPPER_NO_Y = ["source-install", "si"];

/** apt-get options that only simulate or print, and never prompt. */
const APT_DRY_RUN = ["-s", "--simulate", "--just-print", "--dry-run", "--recon", "--no-act", "--print-uris"];

function answered(manager: PackageManager, c: ShellCommand, flags: string[]): boolean {
  if (hasFlag(c, ...flags)) return true;
  if ((manager === "apt-get" || manager === "apt") && hasFlag(c, ...APT_DRY_RUN)) return true;
  if (c.args.some((a) => /assume-?yes|non-?interactive/i.test(a.value) && !a.value.startsWith("--assume-no"))) return true;
  return (manager === "apt-get" || manager === "apt") && quietLevel(c) >= 2;
}

/** apt's `-qq`, `-q=2`, `-q -q` and `--quiet --quiet` imply `-y`. */
function quietLevel(c: ShellCommand): number {
  let level = 0;
  for (const { value } of c.args) {
    const m = /^(?:-q|--quiet)=(\d+)$/.exec(value);
    if (m) level += Number(m[1]);
    else if (value === "--quiet") level++;
    else if (/^-[A-Za-z]+$/.test(value)) level += value.split("q").length - 1;
  }
  return level;
}

/** `yes | apt-get install x` answers every prompt. */
function pipedFromYes(script: ShellScript | null, c: ShellCommand): boolean {
  if (!script) return false;
  let pipes = yesPipes.get(script);
  if (!pipes) {
    const starts = new Set(script.commands.filter((y) => y.name === "yes").map((y) => `${y.range.start.line}:${y.range.start.column}`));
    pipes = starts.size ? script.pipes.filter((p) => starts.has(`${p.start.line}:${p.start.column}`)) : [];
    yesPipes.set(script, pipes);
  }
  return pipes.some((p) => comparePos(p.start, c.range.start) < 0 && comparePos(c.range.end, p.end) <= 0);
}

const yesPipes = new WeakMap<ShellScript, Range[]>();
