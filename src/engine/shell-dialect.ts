import type { DfInstruction, DfStage, DockerfileModel } from "./parse/dockerfile.js";
import { SHELL_PRAGMA } from "./parse/script-shell.js";
import { isWindowsStage } from "./platform.js";

/** The shells ShellCheck understands, plus zsh (POSIX-like, but ShellCheck refuses it). */
export type ShellDialect = "sh" | "bash" | "dash" | "ksh" | "zsh";


/** Per model: the `# hadolint shell=` pragma, and which stages are Windows stages (both cost a scan). */
const cache = new WeakMap<DockerfileModel, { pragma: string | null; windows: Map<DfStage, boolean> }>();

/**
 * The dialect of the shell that runs a shell-form instruction: the stage's SHELL (or `/bin/sh`),
 * overridden by a `# hadolint shell=…` pragma. null when it is not a POSIX shell: PowerShell,
 * `cmd`, or any stage of a Windows image (whose default shell is `cmd /S /C`).
 */
export function shellDialect(model: DockerfileModel, ins: DfInstruction): ShellDialect | null {
  let cached = cache.get(model);
  if (!cached) {
    cached = { pragma: SHELL_PRAGMA.exec(model.text)?.[1] ?? null, windows: new Map() };
    cache.set(model, cached);
  }
  const { pragma, windows } = cached;
  const stage = model.stages[ins.stageIndex];
  if (!pragma && stage) {
    if (!windows.has(stage)) windows.set(stage, isWindowsStage(model, stage));
    if (windows.get(stage)) return null;
  }
  const name = (pragma ?? ins.shellName).replace(/^.*[\\/]/, "").replace(/\.exe$/i, "").toLowerCase();
  if (name === "bash") return "bash";
  if (name === "dash") return "dash";
  if (name === "ksh" || name === "mksh") return "ksh";
  if (name === "zsh") return "zsh";
  if (name === "sh" || name === "ash" || name === "busybox") return "sh";
  return null;
}
