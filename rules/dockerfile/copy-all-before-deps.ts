import { commandsByRun } from "../../src/engine/cache-cleanup.js";
import { dependencyInstall, type Ecosystem } from "../../src/engine/dependency-installs.js";
import { isWholeContext } from "../../src/engine/build-context.js";
import { copyOperands } from "../../src/engine/copy.js";
import type { DfInstruction, DfWord, DockerfileModel } from "../../src/engine/parse/dockerfile.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { hasCacheMount } from "../../src/engine/run-mounts.js";
import { isRemoteSource } from "../../src/engine/sources.js";
import { chainInstructions } from "../../src/engine/stage-roles.js";
import { trimSlashes } from "../../src/engine/paths.js";

const MANIFESTS: Record<Ecosystem, string> = {
  // a pyproject install builds the project itself too, which needs its source
  python: "requirements.txt, or pyproject.toml and its lock file (installing without the project itself: `poetry install --no-root`, `uv sync --no-install-project`)",
  node: "package.json and the lock file",
  go: "go.mod and go.sum",
  ruby: "Gemfile and Gemfile.lock",
  php: "composer.json and composer.lock",
  // cargo refuses a manifest with no target, so the manifests alone need a stub to fetch against
  rust: "Cargo.toml and Cargo.lock (with a stub `src/main.rs`: cargo will not read a manifest without a target; or use `cargo chef`)",
  java: "pom.xml or the Gradle build files",
  dotnet: "the *.csproj / *.sln files",
};
/** Directories that hold dependency metadata, not application code. */
const DEPENDENCY_DIRS = /^(requirements|reqs|\.yarn|\.pnpm-store|patches|prisma|vendor|\.cargo|\.mvn|gradle|nuget|\.nuget|\.bundle|deps|wheels|wheelhouse)$/i;
/** Directories that hold application code: `src/`, `app/`, `src-ui/`, `./src/cart/` (a segment of the path). */
const SOURCE_DIRS = /^(src|source|sources|app|apps|lib|libs|code|server|client|web|api|backend|frontend|internal|cmd|pkg|components|pages|public|static|templates|services)([-_.][\w-]*)?$/i;
/** Build tools whose every run before the source copy primes the dependency cache (`./gradlew downloadRepos`, `cargo chef cook`). */
const PRIMING_TOOLS: Record<string, Ecosystem> = { gradle: "java", gradlew: "java", mvn: "java", mvnw: "java", cargo: "rust", dotnet: "dotnet" };

/** The source word of a COPY/ADD that brings in the whole context or a source directory. */
function sourceTree(model: DockerfileModel, ins: DfInstruction): DfWord | null {
  if (ins.flags.some((f) => f.name.toLowerCase() === "from")) return null;
  for (const s of copyOperands(model, ins).sources) {
    const v = s.value;
    if (isWholeContext(v)) return s;
    if (isRemoteSource(v) || v.includes("$")) continue;
    const path = trimSlashes(v.replace(/^\.?\/+/, ""));
    const last = path.slice(path.lastIndexOf("/") + 1);
    if (!last || /[*?[]/.test(v) || DEPENDENCY_DIRS.test(last)) continue;
    // a directory (trailing slash, or a bare name without extension) with application code in its path
    const dir = v.endsWith("/") || (!path.includes("/") && !last.includes("."));
    if (dir && path.split("/").some((seg) => SOURCE_DIRS.test(seg))) return s;
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
      let copy: { ins: DfInstruction; source: DfWord } | null = null;
      const prepared = new Set<Ecosystem>();
      for (const ins of chainInstructions(stage)) {
        if ((ins.keyword === "COPY" || ins.keyword === "ADD") && !copy) {
          const source = sourceTree(model, ins);
          if (source) copy = { ins, source };
          continue;
        }
        if (ins.keyword !== "RUN") continue;
        for (const { tool, command } of byRun.get(ins) ?? []) {
          if (!copy && PRIMING_TOOLS[tool]) prepared.add(PRIMING_TOOLS[tool]);
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
            range: copy.source.range,
          });
        }
      }
    }
  },
});
