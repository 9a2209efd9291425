import type { DfInstruction, DfStage, DockerfileModel } from "./parse/dockerfile.js";
import type { Project } from "./project.js";
import { memo } from "./memo.js";

/** The stage and the earlier stages it is built FROM, nearest first. */
export function stageChain(stage: DfStage): readonly DfStage[] {
  return memo(chains, stage, () => {
    const list: DfStage[] = [];
    for (let s: DfStage | null = stage; s && list.length < 100 && !list.includes(s); s = s.baseStage) list.push(s);
    return list;
  });
}

/** Instructions of the stage preceded by those of the stages it builds on, in build order. */
export function chainInstructions(stage: DfStage): readonly DfInstruction[] {
  return memo(chainedInstructions, stage, () => {
    const chain = stageChain(stage);
    const list: DfInstruction[] = [];
    for (let i = chain.length - 1; i >= 0; i--) for (const ins of chain[i].instructions) list.push(ins);
    return list;
  });
}

/**
 * How a message names a stage: its `AS` name, else its image (`python:3.12-slim`), or `FROM base`
 * when it is built from another stage, whose bare name would point at that other stage.
 */
export function stageLabel(stage: DfStage): string {
  if (stage.name) return stage.name;
  if (!stage.image) return `#${stage.index}`;
  return stage.baseStage ? `FROM ${stage.image.ref}` : stage.image.ref;
}

/** True when the stage, or a stage it is built FROM, sets an ENTRYPOINT. */
export const setsEntrypoint = (stage: DfStage): boolean => chainInstructions(stage).some((i) => i.keyword === "ENTRYPOINT");

/*
 * Stages belong to one model, so these per-stage lists live as long as their model. Rules ask for
 * them once per stage, per command or per instruction; they are shared and only read.
 */
const chains = new WeakMap<DfStage, readonly DfStage[]>();
const chainedInstructions = new WeakMap<DfStage, readonly DfInstruction[]>();
const stageCommands = new WeakMap<DfStage, { entrypoint: DfInstruction | null; cmd: DfInstruction | null }>();

/** Stage roles of a model for the project it was audited with (a model can be audited with another project). */
interface Roles {
  project: Project;
  targets?: readonly DfStage[];
  shipped?: ReadonlySet<DfStage>;
  production?: readonly DfStage[];
}

const roles = new WeakMap<DockerfileModel, Roles>();

function rolesOf(model: DockerfileModel, project: Project): Roles {
  let r = roles.get(model);
  if (!r || r.project !== project) roles.set(model, (r = { project }));
  return r;
}

/**
 * The stages that get run: the final stage and every stage a Compose service builds as its
 * `target`. Stages whose output is only copied elsewhere are not among them.
 */
export function targetStages(model: DockerfileModel, project: Project): readonly DfStage[] {
  const r = rolesOf(model, project);
  return (r.targets ??= findTargetStages(model, project));
}

function findTargetStages(model: DockerfileModel, project: Project): DfStage[] {
  const out: DfStage[] = [];
  const add = (s: DfStage | null | undefined) => {
    if (s && !out.includes(s)) out.push(s);
  };
  add(model.finalStage);
  for (const service of project.servicesBuilding(model.path)) {
    if (service.stage) add(model.stages[service.stage.index]);
  }
  return out;
}

/**
 * Target stages and every stage they are built FROM: the stages whose layers end up in an image,
 * and the ones that can become a running container. Image settings (CMD, ENTRYPOINT, HEALTHCHECK)
 * of the other stages, which only feed `COPY --from`, never take effect.
 */
export function shippedStages(model: DockerfileModel, project: Project): ReadonlySet<DfStage> {
  const r = rolesOf(model, project);
  return (r.shipped ??= new Set(targetStages(model, project).flatMap(stageChain)));
}

const DEV_NAME = /(^|[-_.])(dev|devel|develop|development|debug|test|tests|testing|ci|lint|local|e2e|cypress|playwright)([-_.]|$)/i;

/** True for a stage whose name says it is for development or tests (`dev`, `frontend-dev`, `test`). */
export function isDevStage(stage: DfStage): boolean {
  return !!stage.name && DEV_NAME.test(stage.name);
}

/**
 * True for a Dockerfile that by its path serves development or tests: `Dockerfile.dev`,
 * `dev.Dockerfile`, `Dockerfile.test`, or one kept under `test/`, `e2e/`, `.devcontainer/`, `.ci/`,
 * `tools/` or `hack/`.
 */
export function isDevDockerfile(path: string): boolean {
  const dirs = path.split("/");
  const file = dirs.pop() ?? "";
  return DEV_NAME.test(file) || dirs.some((segment) => DEV_NAME.test(segment) || /^(\.(devcontainer|cursor|vscode|idea)|tools|tooling|hack)$/.test(segment));
}

/** The ENTRYPOINT and CMD in effect for a stage (the last ones of the stage or the stages it builds on). */
export function stageCommand(stage: DfStage): { readonly entrypoint: DfInstruction | null; readonly cmd: DfInstruction | null } {
  return memo(stageCommands, stage, () => {
    const chain = chainInstructions(stage);
    let entrypoint: DfInstruction | null = null;
    let cmd: DfInstruction | null = null;
    for (let i = chain.length - 1; i >= 0 && !(entrypoint && cmd); i--) {
      if (!entrypoint && chain[i].keyword === "ENTRYPOINT") entrypoint = chain[i];
      else if (!cmd && chain[i].keyword === "CMD") cmd = chain[i];
    }
    return { entrypoint, cmd };
  });
}

/** Development servers: `ng serve`, `npm run dev`, `vite`, `nodemon`, `next dev`, `--reload`, … */
const DEV_SERVER = /(^|[\s"',[])(nodemon|ng serve|next dev|vite(?!\s+preview)|webpack(-dev-server| serve)|react-scripts start|(npm|yarn|pnpm|bun)( run)? (dev|serve|start:dev|watch)|flask run --debug|--reload)(?=$|[\s"',\]])/;

/** True when the stage's command starts a development server. */
export function runsDevServer(stage: DfStage): boolean {
  const { entrypoint, cmd } = stageCommand(stage);
  return [entrypoint, cmd].some((i) => !!i && DEV_SERVER.test(i.execForm ? i.execForm.join(" ") : i.argsText));
}

/**
 * The stages that run in production: the target stages that are not development or test stages
 * (by their name, the name of a stage they build on, their development-server command, or a
 * Dockerfile path such as `Dockerfile.dev` or `e2e/Dockerfile`).
 */
export function productionStages(model: DockerfileModel, project: Project): readonly DfStage[] {
  const r = rolesOf(model, project);
  return (r.production ??= isDevDockerfile(model.path) ? [] : targetStages(model, project).filter((s) => !stageChain(s).some(isDevStage) && !runsDevServer(s)));
}
