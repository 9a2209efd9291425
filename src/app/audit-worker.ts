import { Worker } from "node:worker_threads";
import type { AuditOptions, Report, SourceFile } from "../engine/index.js";
import { CONFIG_PATH } from "./github/config.js";
import { intIn } from "./jobs/retry-policy.js";

/**
 * The audit off the main thread: a small pool of worker threads, each running the synchronous
 * engine with the full rule catalogue (and ShellCheck), so a large run (thousands of files,
 * one `shellcheck` process per new RUN script) cannot hold the event loop that answers webhooks.
 */

/** What crosses to a thread: plain data only (the rules and ShellCheck live in the thread). */
export interface WorkerAuditOptions {
  config?: AuditOptions["config"];
  tree?: readonly string[];
  treeTruncated?: boolean;
  fingerprintPaths?: AuditOptions["fingerprintPaths"];
}

export interface AuditRequest {
  id: number;
  files: readonly SourceFile[];
  options: WorkerAuditOptions;
  shellcheck: boolean;
}

export type AuditResponse = { id: number; ok: true; report: Report } | { id: number; ok: false; error: string };

export interface AuditPoolOptions {
  /** Threads; default env DOCKAUDIT_AUDIT_THREADS, else 1. */
  threads?: number;
  /** Each thread's JavaScript heap ceiling in MiB; default env DOCKAUDIT_AUDIT_HEAP_MB, else AUDIT_HEAP_MB. */
  heapMb?: number;
  /** The longest one audit may take, in ms; default env DOCKAUDIT_AUDIT_TIMEOUT_S, else AUDIT_TIMEOUT_S. */
  timeoutMs?: number;
  /** Run ShellCheck on RUN scripts in the threads; default true. */
  shellcheck?: boolean;
  /** The thread's module; default audit-worker-thread.js beside this file (works from dist/). */
  script?: URL;
}

export interface AuditPool {
  audit(files: readonly SourceFile[], options: WorkerAuditOptions): Promise<Report>;
  /** Terminates the threads; audits still waiting are rejected. */
  close(): Promise<void>;
}

interface Task {
  request: AuditRequest;
  resolve(report: Report): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  /** Stops the thread when its audit runs past the time limit. */
  timer?: NodeJS.Timeout;
  /** Rejects the slot's audit with `the audit's worker thread <why>`, and puts a new thread in its place. */
  replace(why: string): void;
}

export function threadsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.DOCKAUDIT_AUDIT_THREADS);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/**
 * The heap ceiling of an audit thread. Without one, Node sizes a heap from the host's memory (a
 * quarter of it, up to 4 GiB), and V8 lets the heap grow to about four times what is live before
 * collecting when that ceiling is high: the same audit then takes 60 % more memory on a large host.
 * 512 MiB holds the worst input the default limits admit (4 MiB of Compose files that each trip a
 * dozen rules per service) with room to spare; a thread that runs out is replaced, and only its
 * audit fails.
 */
export const AUDIT_HEAP_MB = 512;

/**
 * The young generation of an audit thread, in MiB: V8 makes it two semi-spaces and a space for
 * large new objects, so 24 MiB is 8 MiB semi-spaces (what `--max-semi-space-size=8` gives a
 * process). Node otherwise sizes it from the host's memory, 48 MiB on any host of 2 GiB or more.
 * An audit allocates a great deal that dies at once (parse trees, shell words), so the young
 * generation fills and empties many times per audit either way; the smaller one keeps an
 * audit thread's peak memory about 20 MiB lower for about 3 % more time.
 */
export const AUDIT_YOUNG_MB = 24;

export function heapMbFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return intIn(env.DOCKAUDIT_AUDIT_HEAP_MB, 64, 65_536) ?? AUDIT_HEAP_MB;
}

/**
 * The longest one audit may run, in seconds. The worst input the default limits admit takes about
 * 30 s here (bench:hostile); this only stops an audit that something unforeseen holds far longer,
 * so that its thread serves the next pull request instead of being lost to it.
 */
export const AUDIT_TIMEOUT_S = 300;

export function timeoutSFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return intIn(env.DOCKAUDIT_AUDIT_TIMEOUT_S, 10, 86_400) ?? AUDIT_TIMEOUT_S;
}

/** Node's code for a thread stopped at its heap ceiling. */
const OUT_OF_MEMORY = "ERR_WORKER_OUT_OF_MEMORY";

export function createAuditPool(options: AuditPoolOptions = {}): AuditPool {
  const size = Math.max(1, options.threads ?? threadsFromEnv());
  const heapMb = options.heapMb ?? heapMbFromEnv();
  const timeoutMs = options.timeoutMs ?? timeoutSFromEnv() * 1000;
  const script = options.script ?? new URL("./audit-worker-thread.js", import.meta.url);
  const shellcheck = options.shellcheck ?? true;
  const waiting: Task[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const slot: Slot = { worker: new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: AUDIT_YOUNG_MB } }), task: null, replace };
    // Idle threads must not keep the process alive; a busy one holds a pending promise anyway.
    slot.worker.unref();
    slot.worker.on("message", (msg: AuditResponse) => {
      const task = slot.task;
      if (!task || task.request.id !== msg.id) return;
      clearTimeout(slot.timer);
      slot.task = null;
      if (msg.ok) task.resolve(msg.report);
      else task.reject(new Error(`the audit failed in its worker thread: ${msg.error}`));
      pump();
    });
    function replace(why: string): void {
      const task = slot.task;
      clearTimeout(slot.timer);
      slot.task = null;
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      slot.worker.removeAllListeners();
      task?.reject(new Error(`the audit's worker thread ${why}`));
      if (!closed) {
        slots.push(spawn());
        pump();
      }
    }
    slot.worker.on("error", (err: Error & { code?: string }) =>
      replace(
        err.code === OUT_OF_MEMORY
          ? `ran out of memory: these files need more than its heap limit of ${heapMb} MiB (DOCKAUDIT_AUDIT_HEAP_MB). Lower limits.max_total_bytes in ${CONFIG_PATH}, or raise the limit`
          : `crashed: ${err.message}`,
      ),
    );
    slot.worker.on("exit", (code) => replace(`exited (code ${code})`));
    return slot;
  };

  const pump = () => {
    for (const slot of slots) {
      if (slot.task || !waiting.length) continue;
      const task = waiting.shift()!;
      slot.task = task;
      slot.worker.ref();
      slot.worker.postMessage(task.request);
      slot.timer = setTimeout(() => {
        const worker = slot.worker;
        slot.replace(`took longer than ${formatSeconds(timeoutMs)} (DOCKAUDIT_AUDIT_TIMEOUT_S) and was stopped. Lower limits.max_total_bytes in ${CONFIG_PATH}, or raise the limit`);
        void worker.terminate();
      }, timeoutMs);
      slot.timer.unref();
    }
    for (const slot of slots) if (!slot.task) slot.worker.unref();
  };

  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    audit(files, opts) {
      if (closed) return Promise.reject(new Error("the audit pool is closed"));
      return new Promise<Report>((resolve, reject) => {
        const request: AuditRequest = { id: nextId++, files: files.map((f) => ({ path: f.path, content: f.content })), options: { config: opts.config, tree: opts.tree ? [...opts.tree] : undefined, treeTruncated: opts.treeTruncated, fingerprintPaths: opts.fingerprintPaths ? { ...opts.fingerprintPaths } : undefined }, shellcheck };
        waiting.push({ request, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const t of waiting.splice(0)) t.reject(new Error("the audit pool is closed"));
      await Promise.all(slots.splice(0).map((s) => {
        s.worker.removeAllListeners();
        clearTimeout(s.timer);
        s.task?.reject(new Error("the audit pool is closed"));
        return s.worker.terminate();
      }));
    },
  };
}

const formatSeconds = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;
