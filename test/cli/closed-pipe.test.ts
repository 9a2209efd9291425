import { spawn, spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureBuilt, ROOT } from "../e2e/server.js";

/** Runs the built CLI, reads its first chunk of output, then closes the pipe as `| head -1` does. */
function firstChunkThenClose(args: string[]): Promise<{ code: number | null; signal: string | null; first: string; stderr: string }> {
  ensureBuilt();
  const child = spawn(process.execPath, [join(ROOT, "dist", "src", "cli", "main.js"), ...args], { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: "" } });
  let first = "";
  let stderr = "";
  child.stdout.once("data", (chunk: Buffer) => {
    first = chunk.toString();
    child.stdout.destroy();
  });
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code, signal) => resolve({ code, signal, first, stderr })));
}

describe("dockaudit check piped into a reader that stops early", () => {
  it("stops quietly with the run's exit code instead of crashing on the closed pipe", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dockaudit-pipe-"));
    // Enough findings that the report is written in several chunks, past what the pipe holds.
    for (let i = 0; i < 60; i++) writeFileSync(join(dir, `Dockerfile.${i}`), `FROM node\n${"RUN apt-get install curl\n".repeat(40)}`);
    const run = await firstChunkThenClose(["check", dir, "--format", "text", "--fail-on", "warning"]);
    expect(run.first).toContain("Dockerfile.");
    expect(run.stderr).not.toContain("EPIPE");
    expect([run.code, run.signal]).toEqual([1, null]);
  }, 60_000);
});

describe("dockaudit check with output that cannot be written", () => {
  it("says so on stderr and exits 2 instead of crashing with a stack trace", () => {
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), "dockaudit-full-"));
    writeFileSync(join(dir, "Dockerfile"), "FROM node\n");
    const full = openSync("/dev/full", "w");
    const result = spawnSync(process.execPath, [join(ROOT, "dist", "src", "cli", "main.js"), "check", dir, "--fail-on", "none"], { stdio: ["ignore", full, "pipe"], encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
    closeSync(full);
    expect(result.stderr).toBe("dockaudit: could not write the output: ENOSPC\n");
    expect(result.status).toBe(2);
  });
});
