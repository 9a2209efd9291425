import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { stopProcess } from "../support/stop-process.js";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const ENTRY = join(ROOT, "dist", "src", "app", "server.js");

/**
 * Builds dist/ when a source is newer than it (scripts/build-if-stale.mjs, as `npm run bench` does).
 * Type errors elsewhere in the tree do not stop tsc from emitting, so the server is still built;
 * only a missing entry point fails.
 */
export function ensureBuilt(): void {
  spawnSync(process.execPath, [join(ROOT, "scripts", "build-if-stale.mjs")], { cwd: ROOT, stdio: "ignore" });
  if (!existsSync(ENTRY)) throw new Error(`npm run build did not produce ${ENTRY}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export function testKey(): string {
  return generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } }).privateKey;
}

export interface RunningServer {
  url: string;
  output: () => string;
  stop(): Promise<void>;
  /** Sends `signal` to the server's process group and waits (up to 10 s) for it to exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Exit code once it has exited, else null. */
  exitCode(): number | null;
}

/** `npm start` in its own process group, with the environment a deployment would set. */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = Number(env.PORT);
  const child: ChildProcess = spawn("npm", ["start", "--silent"], { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: "", ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    output: () => output,
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      process.kill(-child.pid!, signal);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000).unref())]);
    },
    exitCode: () => child.exitCode,
    stop: () => stopProcess(child, 5000, (signal) => process.kill(-child.pid!, signal)),
  };
}
