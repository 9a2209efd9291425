import type { DfInstruction, DockerfileModel } from "./parse/dockerfile.js";
import { isWindowsStage } from "./platform.js";

/** The shells ShellCheck understands, plus zsh (POSIX-like, but ShellCheck refuses it). */
export type ShellDialect = "sh" | "bash" | "dash" | "ksh" | "zsh";

/**
 * The dialect of the shell that runs a shell-form instruction: its `shellName` (a `# hadolint
 * shell=…` pragma, else the stage's SHELL, else the platform's default). null when it is not a
 * POSIX shell: PowerShell, `cmd`, or, unless a pragma says otherwise, any stage of a Windows image.
 */
export function shellDialect(model: DockerfileModel, ins: DfInstruction): ShellDialect | null {
  const stage = model.stages[ins.stageIndex];
  if (!model.shellPragma && stage && isWindowsStage(model, stage)) return null;
  const name = ins.shellName.replace(/^.*[\\/]/, "").replace(/\.exe$/i, "").toLowerCase();
  if (name === "bash") return "bash";
  if (name === "dash") return "dash";
  if (name === "ksh" || name === "mksh") return "ksh";
  if (name === "zsh") return "zsh";
  if (name === "sh" || name === "ash" || name === "busybox") return "sh";
  return null;
}
