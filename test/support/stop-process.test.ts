import { spawn } from "node:child_process";
import { stopProcess } from "./stop-process.js";

/** A child that has said it is ready (so that its SIGTERM handler, if any, is installed). */
async function child(script: string, detached = false) {
  const proc = spawn(process.execPath, ["-e", `${script}; console.log("ready"); setInterval(() => {}, 1000);`], { stdio: ["ignore", "pipe", "inherit"], detached });
  await new Promise((r) => proc.stdout!.once("data", r));
  return proc;
}

const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;

describe("stopProcess", () => {
  it("returns as soon as the child leaves on SIGTERM, leaving no timer behind", async () => {
    const proc = await child("");
    const before = timers();
    const started = Date.now();
    await stopProcess(proc, 60_000);
    expect(proc.signalCode).toBe("SIGTERM");
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(timers()).toBe(before);
  });

  it("kills a child that ignores SIGTERM once the grace period is over", async () => {
    const proc = await child(`process.on("SIGTERM", () => {})`);
    await stopProcess(proc, 200);
    expect(proc.signalCode).toBe("SIGKILL");
  });

  it("does nothing for a child that has already exited", async () => {
    const proc = await child("");
    proc.kill("SIGKILL");
    await new Promise((r) => proc.once("exit", r));
    await stopProcess(proc, 10);
    expect(proc.signalCode).toBe("SIGKILL");
  });

  it("sends its signals through the given sender, such as one for the child's process group", async () => {
    const proc = await child(`process.on("SIGTERM", () => {})`, true);
    const sent: string[] = [];
    await stopProcess(proc, 200, (signal) => {
      sent.push(signal);
      process.kill(-proc.pid!, signal);
    });
    expect(sent).toEqual(["SIGTERM", "SIGKILL"]);
    expect(proc.signalCode).toBe("SIGKILL");
  });
});
