import { memo } from "./memo.js";
import type { DfStage, DockerfileModel } from "./parse/dockerfile.js";
import { backtickSaysWindows, imagePlatform } from "./parse/script-shell.js";
import { baseImageRef } from "./image-refs.js";
import { chainInstructions } from "./stage-roles.js";

const WINDOWS_SHELL = /(^|[\\/])(cmd|powershell)(\.exe)?$/i;

/**
 * True when the stage builds a Windows container image: a Windows base image, a Windows shell, or,
 * on a base image that does not tell its platform, the backtick escape that Windows Dockerfiles use.
 * Users there are names (ContainerUser), not uids.
 */
export function isWindowsStage(model: DockerfileModel, stage: DfStage): boolean {
  return memo(windowsStages, stage, () => judgeWindowsStage(model, stage));
}

/** Asked for each instruction of a stage by several rules: judged once per stage (a scan of its bases). */
const windowsStages = new WeakMap<DfStage, boolean>();

function judgeWindowsStage(model: DockerfileModel, stage: DfStage): boolean {
  const image = baseImageRef(model, stage);
  if (image && imagePlatform(image) === "windows") return true;
  if (chainInstructions(stage).some((i) => i.keyword === "SHELL" && !!i.execForm && WINDOWS_SHELL.test(i.execForm[0] ?? ""))) return true;
  return backtickSaysWindows(image, model.escape);
}
