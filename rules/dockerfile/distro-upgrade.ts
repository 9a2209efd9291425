import { allRunCommands } from "../../src/engine/execform.js";
import { operandsOf, operationWord, packageCommand, type PackageManager } from "../../src/engine/package-managers.js";
import type { ShellCommand } from "../../src/engine/parse/shell.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

/** Subcommands that upgrade every installed package when no package is named. */
const UPGRADES: Record<PackageManager, string[]> = {
  "apt-get": ["upgrade", "dist-upgrade", "full-upgrade"],
  apt: ["upgrade", "dist-upgrade", "full-upgrade"],
  apk: ["upgrade"],
  yum: ["update", "upgrade", "distro-sync", "upgrade-minimal"],
  dnf: ["update", "upgrade", "distro-sync", "upgrade-minimal"],
  microdnf: ["update", "upgrade"],
  tdnf: ["update", "upgrade", "distro-sync"],
  zypper: ["dist-upgrade", "dup", "update", "up"],
  pacman: [],
};

export default defineDockerfileRule({
  meta: {
    id: "distro-upgrade",
    code: "DF314",
    category: "reliability",
    severity: "off",
    description: "A RUN upgrades every package of the base image instead of choosing a newer base image.",
    aliases: ["DL3035", "DS-0024"],
    messages: {
      upgrade: "`{{command}}` upgrades every package of the base image, so the same Dockerfile builds different images from day to day. Prefer a newer (or digest-pinned) base image and install only the packages you need.",
    },
  },
  check({ model, report }) {
    for (const { command: raw } of allRunCommands(model)) {
      const found = packageCommand(raw);
      if (!found) continue;
      const op = operationWord(found.manager, found.command);
      if (op && upgradesAll(found.manager, found.command, op.value)) {
        report({ messageId: "upgrade", data: { command: `${found.manager} ${op.value}` }, range: op.range });
      }
    }
  },
});

function upgradesAll(manager: PackageManager, c: ShellCommand, op: string): boolean {
  if (manager === "pacman") return /^-[A-Za-z]*S/.test(op) && c.args.some((a) => /^-[A-Za-z]*u/.test(a.value) && !a.value.startsWith("--"));
  if (!UPGRADES[manager].includes(op)) return false;
  // `yum update openssl` and `zypper up pkg` upgrade named packages only.
  return manager === "apt-get" || manager === "apt" || !operandsOf(c).length;
}
