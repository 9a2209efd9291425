import type { ChildProcess } from "node:child_process";

/**
 * Asks a child process to stop (SIGTERM) and kills it if it has not exited within `graceMs`.
 * Resolves when it has exited; the grace timer never keeps the benchmark's process alive.
 */
export async function stopProcess(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const late = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), graceMs).unref())]);
  if (late) {
    child.kill("SIGKILL");
    await exited;
  }
}
