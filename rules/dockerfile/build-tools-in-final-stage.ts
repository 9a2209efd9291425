import { isBuildTool, isToolchainImage, packageName } from "../../src/engine/build-tools.js";
import { commandsByRun } from "../../src/engine/cache-cleanup.js";
import { baseImageRef, repositoryOf } from "../../src/engine/image-refs.js";
import type { DfInstruction, DfStage } from "../../src/engine/parse/dockerfile.js";
import type { ShellWord } from "../../src/engine/parse/shell.js";
import { positionals } from "../../src/engine/package-managers.js";
import { packageInstall } from "../../src/engine/pinning.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { chainInstructions, productionStages, stageChain, stageCommand, stageLabel } from "../../src/engine/stage-roles.js";

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
    const composeTargets = new Set(project.servicesBuilding(model.path).map((s) => s.stage?.index));
    for (const stage of productionStages(model, project)) {
      if (!composeTargets.has(stage.index) && !runsService(stage)) continue;
      const label = stageLabel(stage);
      const root = stageChain(stage).at(-1) as DfStage;
      const base = baseImageRef(model, root);
      if (root.image && base && isToolchainImage(repositoryOf(base)) && !seenRoots.has(root)) {
        seenRoots.add(root);
        report({ messageId: "toolchain", data: { stage: label, image: base }, range: root.image.range });
      }
      // installed build tools by name, with the words that installed them and their apk virtual group
      const installed = new Map<string, { word: ShellWord; first: ShellWord; group: string | null; ins: DfInstruction }>();
      for (const ins of chainInstructions(stage)) {
        let markedAuto = false;
        for (const { tool, command } of byRun.get(ins) ?? []) {
          // `apt-mark auto '.*'` … `apt-get purge --auto-remove`: everything this RUN installed goes again
          if (!markedAuto && marksAuto(tool, command.args)) markedAuto = true;
          if (markedAuto && (tool === "apt-get" || tool === "apt") && command.args.some((a) => a.value === "--auto-remove" || a.value === "autoremove")) {
            for (const [key, entry] of installed) if (entry.ins === ins) installed.delete(key);
            continue;
          }
          const install = packageInstall(command);
          if (install && install.installer !== "pip" && install.installer !== "npm" && install.installer !== "gem" && install.installer !== "go") {
            const group = virtualGroup(command.args.map((a) => a.value));
            const tools = install.packages.filter((p) => !p.dynamic && isBuildTool(p.value));
            for (const word of tools) installed.set(packageName(word.value), { word, first: tools[0], group, ins });
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
        // git alone is often a run-time dependency (CI servers, apps that fetch plugins); report it next to compilers
        if (seen.has(word) || (names.length === 1 && names[0] === "git")) continue;
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

/** Shells and interpreters whose bare prompt is the default command of base and toolchain images. */
const REPL = /^(bash|sh|ash|zsh|python[0-9.]*|node|irb|php|jshell|ghci|iex|erl|pwsh|go|rustc|dotnet|java)$/;

/**
 * True when the stage starts a service of its own: it has an ENTRYPOINT or CMD, and it is not just
 * a shell or language prompt (the default command of base images such as `python` or `golang`).
 */
function runsService(stage: DfStage): boolean {
  const { entrypoint, cmd } = stageCommand(stage);
  if (!entrypoint && !cmd) return false;
  // One word only (a shell-form CMD is not split: only a single word can be a bare prompt).
  const words = cmd ? cmd.execForm ?? [cmd.argsText.trim()] : [];
  const prompt = words.length === 1 && !/\s/.test(words[0]) && REPL.test(words[0].slice(words[0].lastIndexOf("/") + 1));
  // `ENTRYPOINT ["docker-entrypoint.sh"]` + `CMD ["node"]` is how official base images end
  return !(prompt && (!entrypoint || /entrypoint/i.test(entrypoint.argsText)));
}

/** `apt-mark … auto …`: an `auto` word after the command's first `apt-mark` (the tool or an argument). */
function marksAuto(tool: string, args: readonly ShellWord[]): boolean {
  let from = 0;
  if (tool !== "apt-mark") {
    from = args.findIndex((a) => a.value === "apt-mark");
    if (from < 0) return false;
  }
  for (let j = from; j < args.length; j++) if (args[j].value === "auto") return true;
  return false;
}
