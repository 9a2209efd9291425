import { buildContexts } from "../../src/engine/build-context.js";
import { commandsByRun } from "../../src/engine/cache-cleanup.js";
import { dependencyInstall } from "../../src/engine/dependency-installs.js";
import type { DfInstruction, DockerfileModel } from "../../src/engine/parse/dockerfile.js";
import type { ShellCommand, ShellWord } from "../../src/engine/parse/shell.js";
import { dirname, joinPath, trimSlashes } from "../../src/engine/paths.js";
import { packageInstall } from "../../src/engine/pinning.js";
import type { Project } from "../../src/engine/project.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { copyOperands } from "../../src/engine/copy.js";
import { globalArgs } from "../../src/engine/image-refs.js";
import { StageVariables } from "../../src/engine/stage-variables.js";
import { chainInstructions, productionStages, stageLabel } from "../../src/engine/stage-roles.js";

/** Requirement files for development: requirements-dev.txt, dev-requirements.txt, requirements/test.txt, … */
const DEV_FILE = /(^|[-_./])(dev|devel|develop|development|test|tests|testing|lint|docs|ci)([-_.]|$)/i;
const PROD_VARIANTS = ["requirements.prod.txt", "requirements-prod.txt", "requirements_prod.txt", "requirements.production.txt", "requirements-production.txt"];
/** Python tools that only serve development and tests. */
const DEV_TOOLS = /^(pytest(-[\w-]+)?|black|flake8|mypy|pylint|isort|ruff|ipython|ipdb|jupyter|jupyterlab|notebook|pre-commit|coverage|tox|nox|debugpy|pdbpp|bandit|autopep8|yapf)$/i;
const PRODUCTION_ENV = /^production$/i;

export default defineDockerfileRule({
  meta: {
    id: "dev-deps-in-prod",
    code: "DF213",
    category: "efficiency",
    severity: "warning",
    description: "The production image installs development dependencies.",
    aliases: [],
    messages: {
      devFile: "The production image `{{stage}}` installs `{{file}}`, a development requirements file; install only the production requirements here.",
      fullFile: "The production image `{{stage}}` installs `{{file}}` although `{{prod}}` exists beside it; `{{file}}` usually adds the development tools, so install `{{prod}}` instead.",
      node: "`{{command}}` in the production image `{{stage}}` also installs devDependencies; add `{{flag}}` (or set `NODE_ENV=production`), or build in another stage and copy only what runs.",
      yarn: "`{{command}}` in the production image `{{stage}}` also installs devDependencies; with Yarn 1 add `--production` (or set `NODE_ENV=production`), while Yarn 2 and later have neither and need `yarn workspaces focus --all --production`; or build in another stage and copy only what runs.",
      poetry: "`poetry install` in the production image `{{stage}}` installs the dev group too; use `poetry install --only main` (or `--without dev`).",
      uv: "`uv sync` in the production image `{{stage}}` installs the dev dependency group too; add `--no-dev`.",
      pdm: "`pdm install` in the production image `{{stage}}` installs the dev dependencies too; add `--prod`.",
      pipenvDev: "`pipenv {{sub}} --dev` in the production image `{{stage}}` installs the [dev-packages]; drop `--dev`.",
      devTool: "The production image `{{stage}}` installs the development tool `{{pkg}}`; keep test and lint tools out of the image that runs.",
    },
  },
  check({ model, project, report }) {
    const byRun = commandsByRun(model);
    const seen = new Set<ShellWord>();
    const once = (word: ShellWord, messageId: string, data: Record<string, string>) => {
      if (seen.has(word)) return;
      seen.add(word);
      report({ messageId, data, range: word.range });
    };
    for (const stage of productionStages(model, project)) {
      const label = stageLabel(stage);
      const chain = chainInstructions(stage);
      const vars = new StageVariables(globalArgs(model).values);
      let nodeEnvProduction = false;
      // `npm_config_omit=dev` (npm reads its config from the environment, any case) and uv's
      // `UV_NO_DEV` / `UV_NO_DEFAULT_GROUPS` exclude the dev dependencies like the flags do.
      let npmOmitDev = false;
      let uvNoDev = false;
      chain.forEach((ins, at) => {
        if (ins.keyword === "ENV" || ins.keyword === "ARG") {
          for (const p of ins.properties) {
            const value = vars.declare(ins.keyword, p);
            if (/^npm_config_omit$/i.test(p.name)) npmOmitDev = value === null || /(^|[\s,])dev($|[\s,])/.test(value);
            if (p.name === "UV_NO_DEV" || p.name === "UV_NO_DEFAULT_GROUPS") uvNoDev = value === null || /^(1|true|yes|on|y|t)$/i.test(value);
            if (p.name !== "NODE_ENV" && p.name !== "NPM_CONFIG_PRODUCTION") continue;
            // A value only the build knows (`ARG NODE_ENV`, `ENV NODE_ENV=$NODE_ENV`) may well be production.
            nodeEnvProduction = value === null || PRODUCTION_ENV.test(value) || (p.name === "NPM_CONFIG_PRODUCTION" && /^true$/i.test(value));
          }
        }
        if (ins.keyword !== "RUN") return;
        for (const { tool, command } of byRun.get(ins) ?? []) {
          const inlineProduction = command.assigns.some((a) => a.name === "NODE_ENV" && PRODUCTION_ENV.test(a.value));
          const dep = dependencyInstall(command);
          if (dep?.tool === "pip") {
            for (const file of dep.requirementFiles) {
              const base = file.value.slice(file.value.lastIndexOf("/") + 1);
              const parent = dirname(file.value).slice(dirname(file.value).lastIndexOf("/") + 1);
              const stem = base.replace(/\.(txt|in)$/, "");
              if (DEV_FILE.test(stem) && (/req/i.test(stem) || /req/i.test(parent))) once(file, "devFile", { stage: label, file: file.value });
              else if (base === "requirements.txt") {
                const prod = prodVariant(model, project, chain, file.value);
                if (prod) once(file, "fullFile", { stage: label, file: file.value, prod });
              }
            }
          } else if (dep && dep.command.args.some((a) => a.dynamic && a.value.startsWith("$"))) {
            // options held in a variable (`uv sync $UV_OPTIONS`) may well exclude the dev group
            continue;
          } else if (dep && (dep.tool === "npm" || dep.tool === "yarn" || dep.tool === "pnpm" || dep.tool === "bun")) {
            if (nodeEnvProduction || inlineProduction || (dep.tool === "npm" && npmOmitDev) || omitsDev(dep.tool, dep.command) || prunedLater(chain.slice(at), byRun, dep.tool)) continue;
            // bun's flag is `--production` (`-p`); it has no `--prod`
            const flag = dep.tool === "npm" ? "--omit=dev" : dep.tool === "pnpm" ? "--prod" : "--production";
            const command = dep.word === dep.command.nameWord ? dep.tool : `${dep.tool} ${dep.word.value}`;
            // Yarn 2+ (Berry) has no `install --production` and ignores NODE_ENV when installing
            if (dep.tool === "yarn") once(dep.word, "yarn", { stage: label, command });
            else once(dep.word, "node", { stage: label, command, flag });
          } else if (dep?.tool === "poetry" && dep.word.value === "install") {
            if (!hasOption(dep.command, "--only", "--without", "--no-dev", "--only-root")) once(dep.word, "poetry", { stage: label });
          } else if (dep?.tool === "uv" && dep.word.value === "sync") {
            // `--no-dev` is an alias of `--no-group dev`
            const noDevGroup = dep.command.args.some((a, i) => a.value === "--no-group=dev" || (a.value === "--no-group" && dep.command.args[i + 1]?.value === "dev"));
            if (!uvNoDev && !noDevGroup && !hasOption(dep.command, "--no-dev", "--only-group", "--no-default-groups")) once(dep.word, "uv", { stage: label });
          } else if (dep?.tool === "pdm") {
            if (!hasOption(dep.command, "--prod", "--production", "-G", "--group")) once(dep.word, "pdm", { stage: label });
          } else if (dep?.tool === "pipenv") {
            const dev = dep.command.args.find((a) => a.value === "--dev" || a.value === "-d");
            if (dev) once(dev, "pipenvDev", { stage: label, sub: dep.word.value });
          }
          const install = dep ? null : packageInstall(command);
          if (install?.installer === "pip" && tool === "pip") {
            for (const pkg of install.packages) {
              const name = pkg.value.replace(/[=<>~!;[@ ].*$/, "");
              if (DEV_TOOLS.test(name)) once(pkg, "devTool", { stage: label, pkg: name });
            }
          }
        }
      });
    }
  },
});

const hasOption = (c: ShellCommand, ...names: string[]) => c.args.some((a) => names.some((n) => a.value === n || a.value.startsWith(`${n}=`)));

function omitsDev(tool: string, c: ShellCommand): boolean {
  if (tool === "npm") return c.args.some((a) => /^--(production|omit=dev|only=prod(uction)?)$/.test(a.value)) || c.args.some((a, i) => a.value === "--omit" && c.args[i + 1]?.value === "dev");
  if (tool === "yarn") return hasOption(c, "--production", "--prod");
  if (tool === "bun") return hasOption(c, "--production", "-p", "--prod", "-P");
  return hasOption(c, "--prod", "-P", "--production");
}

/**
 * A later `npm prune --omit=dev` / `pnpm prune --prod`, or a production re-install with the same
 * tool, removes the devDependencies again.
 */
function prunedLater(rest: readonly DfInstruction[], byRun: ReadonlyMap<DfInstruction, readonly { tool: string; command: ShellCommand }[]>, tool: string): boolean {
  return rest.some((ins) =>
    (byRun.get(ins) ?? []).some(({ tool: t, command }) => {
      const first = command.args.find((a) => !a.value.startsWith("-"))?.value;
      if ((t === "npm" || t === "pnpm") && first === "prune") return omitsDev(t, command);
      if (t === "yarn" && first === "workspaces" && command.args.some((a) => a.value === "focus")) return omitsDev(t, command);
      return t === tool && dependencyInstall(command) !== null && omitsDev(t, command);
    }),
  );
}

/**
 * A production variant of `requirements.txt` next to the one installed: copied into the image in
 * the same stage chain, or present in the repository beside the copied file.
 */
function prodVariant(model: DockerfileModel, project: Project, chain: readonly DfInstruction[], file: string): string | null {
  const copies = chain.filter((i) => (i.keyword === "COPY" || i.keyword === "ADD") && !i.flags.some((f) => f.name.toLowerCase() === "from"));
  const names = copies.flatMap((i) => copyOperands(model, i).sources.map((s) => s.value));
  const copied = PROD_VARIANTS.find((p) => names.some((n) => n === p || n.endsWith(`/${p}`)));
  if (copied) return copied;
  const fileDir = dirname(file.replace(/^\.\//, ""));
  const sourceDirs = new Set<string>();
  for (const n of names) {
    const clean = trimSlashes(n.replace(/^\.\//, ""));
    if (clean === "requirements.txt" || clean.endsWith("/requirements.txt")) sourceDirs.add(dirname(clean));
    else if (clean === "." || clean === "") sourceDirs.add(fileDir.startsWith("/") ? "" : fileDir);
  }
  for (const ctx of buildContexts(model, project)) {
    for (const dir of sourceDirs) {
      for (const p of PROD_VARIANTS) {
        const path = joinPath(ctx.dir, dir, p);
        if (path !== null && project.exists(path) === true) return p;
      }
    }
  }
  return null;
}
