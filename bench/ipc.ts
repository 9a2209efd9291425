/**
 * Line-delimited JSON between the benchmark and its measuring processes. Requests go to the
 * child's stdin; answers and progress come back on file descriptor 3, so whatever a peer linter
 * prints on stdout or stderr never mixes with the measurements.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { writeSync } from "node:fs";
import { createInterface } from "node:readline";

export interface Request {
  cmd: string;
  [key: string]: unknown;
}

interface Message {
  id?: number;
  ok?: boolean;
  result?: unknown;
  error?: string;
  progress?: number;
}

const FD = 3;

/** Child side: answers each request line with the handler's result. */
export function serve(handler: (req: Request) => unknown): void {
  const rl = createInterface({ input: process.stdin });
  let queue: Promise<void> = Promise.resolve();
  rl.on("line", (line) => {
    if (!line.trim()) return;
    const { id, ...req } = JSON.parse(line) as Request & { id: number };
    queue = queue.then(async () => {
      let msg: Message;
      try {
        msg = { id, ok: true, result: await handler(req as Request) };
      } catch (e) {
        msg = { id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
      }
      writeSync(FD, JSON.stringify(msg) + "\n");
    });
  });
  rl.on("close", () => void queue.then(() => process.exit(0)));
}

/** Child side: the index of the item about to be processed (to name the file a crash happened on). */
export function progress(i: number): void {
  writeSync(FD, `{"progress":${i}}\n`);
}

export class ChildDied extends Error {
  constructor(
    message: string,
    readonly lastProgress: number | null,
  ) {
    super(message);
  }
}

/** Parent side: one long-lived measuring process. */
export class Child {
  private readonly proc: ChildProcess;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private lastProgress: number | null = null;
  private exited: string | null = null;
  private readonly stderrTail: string[] = [];

  constructor(script: string, args: string[] = [], nodeArgs: string[] = [], env: NodeJS.ProcessEnv = process.env) {
    this.proc = spawn(process.execPath, [...nodeArgs, script, ...args], { stdio: ["pipe", "ignore", "pipe", "pipe"], env });
    this.proc.stderr!.on("data", (d: Buffer) => {
      this.stderrTail.push(d.toString());
      if (this.stderrTail.length > 20) this.stderrTail.shift();
    });
    const rl = createInterface({ input: this.proc.stdio[3] as NodeJS.ReadableStream });
    rl.on("line", (line) => {
      const msg = JSON.parse(line) as Message;
      if (msg.progress !== undefined) {
        this.lastProgress = msg.progress;
        return;
      }
      const p = this.pending.get(msg.id!);
      if (!p) return;
      this.pending.delete(msg.id!);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new Error(msg.error));
    });
    this.proc.on("exit", (code, signal) => {
      this.exited = signal ? `killed by ${signal}` : `exited with code ${code}`;
      const tail = this.stderrTail.join("").trim().split("\n").slice(-3).join(" | ");
      for (const p of this.pending.values()) p.reject(new ChildDied(`${this.exited}${tail ? `: ${tail}` : ""}`, this.lastProgress));
      this.pending.clear();
    });
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  request<T>(req: Request, timeoutMs = 600_000): Promise<T> {
    if (this.exited) return Promise.reject(new ChildDied(this.exited, this.lastProgress));
    const id = this.nextId++;
    this.lastProgress = null;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.kill();
        reject(new ChildDied(`no answer within ${Math.round(timeoutMs / 1000)} s (killed)`, this.lastProgress));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v as T)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.proc.stdin!.write(JSON.stringify({ id, ...req }) + "\n");
    });
  }

  /** Closes stdin and waits for the child to leave. */
  async close(): Promise<void> {
    if (this.exited) return;
    const done = new Promise<void>((r) => this.proc.once("exit", () => r()));
    this.proc.stdin!.end();
    const timer = setTimeout(() => this.kill(), 10_000);
    await done;
    clearTimeout(timer);
  }

  kill(): void {
    if (!this.exited) this.proc.kill("SIGKILL");
  }
}
