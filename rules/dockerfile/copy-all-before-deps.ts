import { commandsByRun } from "../../src/engine/cache-cleanup.js";
import { dependencyInstall, type Ecosystem } from "../../src/engine/dependency-installs.js";
import { copySources, isWholeContext } from "../../src/engine/build-context.js";
import type { DfInstruction, DockerfileModel } from "../../src/engine/parse/dockerfile.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { hasCacheMount } from "../../src/engine/run-mounts.js";
import { isRemoteSource, type CopySource } from "../../src/engine/sources.js";
import { chainInstructions } from "../../src/engine/stage-roles.js";

const MANIFESTS: Record<Ecosystem, string> = {
  python: "requirements.txt or pyproject.toml and its lock file",
  node: "package.json and the lock file",
  go: "go.mod and go.sum",
  ruby: "Gemfile and Gemfile.lock",
  php: "composer.json and composer.lock",
  rust: "Cargo.toml and Cargo.lock",
  java: "pom.xml or the Gradle build files",
  dotnet: "the *.csproj / *.sln files",
};
/** Directories that hold dependency metadata, not application code. */
const DEPENDENCY_DIRS = /^(requirements|reqs|\.yarn|\.pnpm-store|patches|prisma|vendor|\.cargo|\.mvn|gradle|nuget|\.nuget|\.bundle|deps|wheels|wheelhouse)$/i;
const EXTENSIONLESS_FILES = /^(makefile|gemfile|pipfile|dockerfile|procfile|license|licence|readme|rakefile|justfile|caddyfile|brewfile|vagrantfile|jenkinsfile|notice|authors|changelog|version)$/i;

/** The source word of a COPY/ADD that brings in the whole context or a source directory. */
function sourceTree(model: DockerfileModel, ins: DfInstruction): CopySource | null {
  if (ins.flags.some((f) => f.name.toLowerCase() === "from")) return null;
  for (const s of copySources(model, ins)) {
    const v = s.value;
    if (isWholeContext(v)) return s;
    if (isRemoteSource(v) || v.includes("$")) continue;
    const path = v.replace(/^\.\//, "").replace(/\/+$/, "");
    const last = path.slice(path.lastIndexOf("/") + 1);
    const dir = v.endsWith("/") || (!path.includes("/") && !last.includes(".") && !EXTENSIONLESS_FILES.test(last));
    if (dir && last && !/[*?[]/.test(last) && !DEPENDENCY_DIRS.test(last)) return s;
  }
  return null;
}

export default defineDockerfileRule({
  meta: {
    id: "copy-all-before-deps",
    code: "DF211",
    category: "efficiency",
    severity: "warning",
    description: "Application source is copied before the dependency install, so every code change reinstalls all dependencies.",
    aliases: [],
    messages: {
      order: "`{{keyword}} {{source}}` copies application source before `{{install}}`, so any code change invalidates the cached dependency layer and every build reinstalls everything; copy only {{manifests}} first, install, then copy the rest.",
    },
  },
  check({ model, report }) {
    const byRun = commandsByRun(model);
    const reported = new Set<DfInstruction>();
    for (const stage of model.stages) {
      let copy: { ins: DfInstruction; source: CopySource } | null = null;
      const prepared = new Set<Ecosystem>();
      for (const ins of chainInstructions(stage)) {
        if ((ins.keyword === "COPY" || ins.keyword === "ADD") && !copy) {
          const source = sourceTree(model, ins);
          if (source) copy = { ins, source };
          continue;
        }
        if (ins.keyword !== "RUN") continue;
        for (const { command } of byRun.get(ins) ?? []) {
          const dep = dependencyInstall(command);
          if (!dep) continue;
          if (!copy) {
            prepared.add(dep.ecosystem);
            continue;
          }
          if (prepared.has(dep.ecosystem) || reported.has(copy.ins) || hasCacheMount(ins, () => true)) continue;
          reported.add(copy.ins);
          const install = `${dep.tool} ${dep.word === dep.command.nameWord ? "" : dep.word.value}`.trim();
          report({
            messageId: "order",
            data: { keyword: copy.ins.keyword, source: copy.source.value, install, manifests: MANIFESTS[dep.ecosystem] },
            range: copy.source.range ?? copy.ins.range,
          });
        }
      }
    }
  },
});
