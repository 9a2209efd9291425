import { isBuildTool, isToolchainImage, packageName } from "../../src/engine/build-tools.js";
import { commandsByRun } from "../../src/engine/cache-cleanup.js";
import type { DfStage } from "../../src/engine/parse/dockerfile.js";
import type { ShellWord } from "../../src/engine/parse/shell.js";
import { packageInstall, positionals } from "../../src/engine/pinning.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { chainInstructions, productionStages, stageChain } from "../../src/engine/stage-roles.js";

/** Subcommands that uninstall, per tool. */
const REMOVE: Record<string, string[]> = {
  "apt-get": ["remove", "purge"], apt: ["remove", "purge"], apk: ["del"],
  yum: ["remove", "erase"], dnf: ["remove", "erase"], microdnf: ["remove"], tdnf: ["remove", "erase"], zypper: ["remove", "rm"],
};

export default defineDockerfileRule({
  meta: {
    id: "build-tools-in-final-stage",
    code: "DF212",
    category: "efficiency",
    severity: "warning",
    description: "Compilers, headers or other build tools stay installed in the image that runs.",
    aliases: [],
    messages: {
      tools: "The image built from stage `{{stage}}` keeps build tools ({{tools}}) that are only needed to compile; they add size and attack surface at run time. Build in a separate stage and copy only the result, or remove them in the same RUN.",
      toolchain: "The image built from stage `{{stage}}` runs on the `{{image}}` toolchain image, shipping a full compiler and SDK; build in this image, then copy the result into a slim runtime stage.",
    },
  },
  check({ model, project, report }) {
    const byRun = commandsByRun(model);
    const seen = new Set<ShellWord>();
    const seenRoots = new Set<DfStage>();
    for (const stage of productionStages(model, project)) {
      const label = stage.name ?? stage.image?.ref ?? `#${stage.index}`;
      const root = stageChain(stage).at(-1) as DfStage;
      if (root.image && isToolchainImage(root.image.name) && !seenRoots.has(root)) {
        seenRoots.add(root);
        report({ messageId: "toolchain", data: { stage: label, image: root.image.ref }, range: root.image.range });
      }
      // installed build tools by name, with the words that installed them and their apk virtual group
      const installed = new Map<string, { word: ShellWord; first: ShellWord; group: string | null }>();
      for (const ins of chainInstructions(stage)) {
        for (const { tool, command } of byRun.get(ins) ?? []) {
          const install = packageInstall(command);
          if (install && install.installer !== "pip" && install.installer !== "npm" && install.installer !== "gem" && install.installer !== "go") {
            const group = virtualGroup(command.args.map((a) => a.value));
            const tools = install.packages.filter((p) => !p.dynamic && isBuildTool(p.value));
            for (const word of tools) installed.set(packageName(word.value), { word, first: tools[0], group });
            continue;
          }
          const removes = REMOVE[tool];
          const words = removes ? positionals(command, ["-o", "-t", "--virtual"]) : [];
          if (!words.length || !removes.includes(words[0].word.value)) continue;
          for (const { word } of words.slice(1)) {
            const name = packageName(word.value);
            for (const [key, entry] of installed) if (key === name || entry.group === name || (name.endsWith("*") && key.startsWith(name.slice(0, -1)))) installed.delete(key);
          }
        }
      }
      // one finding per install command, at its first build tool still installed
      const byCommand = new Map<ShellWord, { word: ShellWord; names: string[] }>();
      for (const [name, { word, first }] of installed) {
        const entry = byCommand.get(first) ?? { word, names: [] };
        entry.names.push(name);
        byCommand.set(first, entry);
      }
      for (const { word, names } of byCommand.values()) {
        if (seen.has(word)) continue;
        seen.add(word);
        const tools = names.length > 6 ? `${names.slice(0, 6).join(", ")} and ${names.length - 6} more` : names.join(", ");
        report({ messageId: "tools", data: { stage: label, tools }, range: word.range });
      }
    }
  },
});

/** The name given to `apk add --virtual <name>` / `-t <name>`. */
function virtualGroup(args: string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--virtual" || args[i] === "-t") return args[i + 1] ?? null;
    if (args[i].startsWith("--virtual=")) return args[i].slice("--virtual=".length);
  }
  return null;
}
