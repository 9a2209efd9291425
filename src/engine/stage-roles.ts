import type { DfInstruction, DfStage, DockerfileModel } from "./parse/dockerfile.js";
import type { Project } from "./project.js";

/** The stage and the earlier stages it is built FROM, nearest first. */
export function stageChain(stage: DfStage): DfStage[] {
  const out: DfStage[] = [];
  for (let s: DfStage | null = stage; s && out.length < 100 && !out.includes(s); s = s.baseStage) out.push(s);
  return out;
}

/** Instructions of the stage preceded by those of the stages it builds on, in build order. */
export function chainInstructions(stage: DfStage): DfInstruction[] {
  return stageChain(stage)
    .reverse()
    .flatMap((s) => s.instructions);
}

/**
 * The stages that get run: the final stage and every stage a Compose service builds as its
 * `target`. Stages whose output is only copied elsewhere are not among them.
 */
export function targetStages(model: DockerfileModel, project: Project): DfStage[] {
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

/** Target stages and every stage they are built FROM: the stages whose layers end up in an image. */
export function shippedStages(model: DockerfileModel, project: Project): Set<DfStage> {
  return new Set(targetStages(model, project).flatMap(stageChain));
}

const DEV_NAME = /(^|[-_.])(dev|devel|develop|development|debug|test|tests|testing|ci|lint|local)([-_.]|$)/i;

/** True for a stage whose name says it is for development or tests (`dev`, `frontend-dev`, `test`). */
export function isDevStage(stage: DfStage): boolean {
  return !!stage.name && DEV_NAME.test(stage.name);
}

/**
 * The stages that run in production: the target stages that are not development or test stages.
 * A target that builds FROM a development stage is left out as well.
 */
export function productionStages(model: DockerfileModel, project: Project): DfStage[] {
  return targetStages(model, project).filter((s) => !stageChain(s).some(isDevStage));
}
