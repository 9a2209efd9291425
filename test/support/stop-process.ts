import type { ChildProcess } from "node:child_process";

/**
 * Asks a child process to stop (SIGTERM) and kills it (SIGKILL) if it has not exited within
 * `graceMs`; `send` delivers a signal (to the child by default, or to its process group). Resolves
 * when it has exited; the grace timer never keeps the calling process alive.
 */
export async function stopProcess(child: ChildProcess, graceMs: number, send: (signal: NodeJS.Signals) => void = (s) => child.kill(s)): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  send("SIGTERM");
  const late = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), graceMs).unref())]);
  if (late) {
    send("SIGKILL");
    await exited;
  }
}
