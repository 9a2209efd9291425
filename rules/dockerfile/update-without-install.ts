import { allRunCommands } from "../../src/engine/execform.js";
import { isIndexUpdate, isInstall, operationWord, packageCommand, type PackageManager } from "../../src/engine/package-managers.js";
import type { DfInstruction, DfStage } from "../../src/engine/parse/dockerfile.js";
import type { ShellCommand } from "../../src/engine/parse/shell.js";
import { hasFlag } from "../../src/engine/query.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";

/** Managers that share one package index. */
const FAMILY: Record<PackageManager, string> = { "apt-get": "apt", apt: "apt", apk: "apk", yum: "rpm", dnf: "rpm", microdnf: "rpm", tdnf: "rpm", zypper: "zypper", pacman: "pacman" };

export default defineDockerfileRule({
  meta: {
    id: "update-without-install",
    code: "DF313",
    category: "reliability",
    severity: "warning",
    description: "A package install relies on an index update made in an earlier, separately cached RUN.",
    aliases: ["DS-0017", "CKV_DOCKER_5", "kics:9bae49be-0aa3-4de5-bab2-4c3a069e40cd"],
    messages: {
      stale: "This `{{install}}` uses the package index that `{{update}}` fetched in an earlier RUN; once that layer is cached the index goes stale and installs fail or pull outdated packages. Run the update and the install in the same RUN.",
    },
  },
  check({ model, report }) {
    const byInstruction = new Map<DfInstruction, { manager: PackageManager; command: ShellCommand }[]>();
    for (const { instruction, command } of allRunCommands(model)) {
      const found = packageCommand(command);
      if (found) byInstruction.set(instruction, [...(byInstruction.get(instruction) ?? []), found]);
    }
    const pendingAfter = new Map<DfStage, Map<string, string>>();
    for (const stage of model.stages) {
      // Updates run alone in an earlier RUN of this stage or of the stage it builds on: family → command text.
      const pending = new Map(stage.baseStage ? pendingAfter.get(stage.baseStage) : undefined);
      for (const ins of stage.instructions) {
        const cmds = byInstruction.get(ins) ?? [];
        const updated = new Set<string>();
        for (const { manager, command } of cmds) {
          if (isIndexUpdate(manager, command) && !isInstall(manager, command)) updated.add(FAMILY[manager]);
        }
        for (const { manager, command } of cmds) {
          const family = FAMILY[manager];
          if (!isInstall(manager, command) || updated.has(family) || selfUpdating(manager, command)) continue;
          const update = pending.get(family);
          const sub = operationWord(manager, command);
          if (update && sub) report({ messageId: "stale", data: { install: `${manager} ${sub.value}`, update }, range: sub.range });
        }
        const installed = new Set(cmds.filter((c) => isInstall(c.manager, c.command)).map((c) => FAMILY[c.manager]));
        for (const { manager, command } of cmds) {
          const family = FAMILY[manager];
          if (!updated.has(family)) continue;
          if (installed.has(family)) pending.delete(family);
          else pending.set(family, `${manager} ${operationWord(manager, command)?.value ?? ""}`.trim());
        }
      }
      pendingAfter.set(stage, pending);
    }
  },
});

/** Installs that fetch a fresh index themselves: `apk add --update` or `--no-cache`, `dnf install --refresh`, `pacman -Sy pkg`. */
function selfUpdating(manager: PackageManager, c: ShellCommand): boolean {
  if (manager === "apk") return hasFlag(c, "--update", "-U", "--update-cache", "--no-cache");
  if (manager === "dnf" || manager === "yum" || manager === "zypper") return hasFlag(c, "--refresh");
  return manager === "pacman" && isIndexUpdate(manager, c);
}
