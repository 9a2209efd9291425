import { baseImageRef } from "../../src/engine/image-refs.js";
import { officialStartsPrompt } from "../../src/engine/official-images.js";
import type { DfStage, DockerfileModel } from "../../src/engine/parse/dockerfile.js";
import { defineDockerfileRule } from "../../src/engine/rule.js";
import { healthcheckOf } from "../../src/engine/parse/compose.js";
import type { Project, ProjectService } from "../../src/engine/project.js";
import { isOneShot, serviceDefines } from "../../src/engine/service-lifecycle.js";
import { setsEntrypoint, stageCommand, stageLabel } from "../../src/engine/stage-roles.js";
import { stageHealthcheck } from "../../src/engine/users.js";

export default defineDockerfileRule({
  meta: {
    id: "healthcheck-missing",
    code: "DF319",
    category: "reliability",
    severity: "info",
    description: "The final image has no HEALTHCHECK and no Compose service that builds it defines one.",
    aliases: ["DL3057", "DS-0026", "CKV_DOCKER_2", "kics:b03a748a-542d-44f4-bb86-9199ab4fd2d5"],
    messages: {
      missing: "The image built from stage `{{stage}}` has no HEALTHCHECK, so Docker reports a hung or half-started container as running: Compose cannot wait for it with `condition: service_healthy` and Swarm does not replace it. Add `HEALTHCHECK CMD …` that probes the service (or a `healthcheck:` to every Compose service that builds this file).",
    },
  },
  check({ model, project, report }) {
    const stage = model.finalStage;
    if (!stage?.image || stageHealthcheck(stage)) return;
    const services = project.servicesBuilding(model.path);
    // A run-once job (a migration another service waits for, `restart: "no"`, …) has nothing to probe.
    if (services.length && services.every((s) => isJob(project, s) || s.compose.healthcheck.defined || inheritsHealthcheck(project, s))) return;
    // An image whose command is a bare shell or interpreter is a toolbox, with no service to probe.
    if (!services.length && startsPrompt(model, stage)) return;
    report({ messageId: "missing", data: { stage: stageLabel(stage) }, range: stage.from.range });
  },
});

/** True when the service is a run-once job, as compose-healthcheck-missing judges it. */
function isJob(project: Project, service: ProjectService): boolean {
  const file = project.composeFiles.find((f) => f.path === service.composeFile);
  return !!file && isOneShot(file, service.compose);
}

/** A healthcheck the service gets from a base it `extends` or from an override beside its file (unknown counts). */
function inheritsHealthcheck(project: Project, service: ProjectService): boolean {
  const file = project.composeFiles.find((f) => f.path === service.composeFile);
  return !!file && serviceDefines(project, file, service.compose, (d) => healthcheckOf(d).defined) !== false;
}

/** Shells and interpreters that, started with no arguments, are a prompt rather than a service. */
const INTERACTIVE = /^(\/\S*\/)?(sh|bash|ash|dash|zsh|python[\d.]*|node|irb|ruby|php|jshell|ghci|iex|erl|pwsh|powershell(\.exe)?|cmd(\.exe)?)$/i;

/**
 * True when the image's command (without an ENTRYPOINT in this file) is a bare shell or interpreter:
 * its own CMD, or, with none in the file, the command it keeps from an Official Image.
 */
function startsPrompt(model: DockerfileModel, stage: DfStage): boolean {
  if (setsEntrypoint(stage)) return false;
  const { cmd } = stageCommand(stage);
  if (!cmd) {
    const base = baseImageRef(model, stage);
    return !!base && !base.includes("$") && officialStartsPrompt(base.toLowerCase());
  }
  const words = cmd.execForm ?? cmd.args.map((a) => a.value);
  return words.length === 1 && INTERACTIVE.test(words[0]);
}
