import { mergeJobs, type Job } from "./job.js";
import type { JobQueue, JobRunner, QueueStats } from "./queue.js";

interface Running {
  job: Job;
  superseded: boolean;
}

export interface InProcessQueueOptions {
  /** Jobs running at once across all pull requests. */
  concurrency?: number;
  /** Called when a runner throws: the runner should not, but the queue never lets it escape. */
  onError?: (error: unknown, job: Job) => void;
  now?: () => number;
}

/**
 * Per pull request at most one job runs and one waits. A new job for a key that is waiting
 * replaces it (newest head wins); one for a key that is running marks the running job superseded
 * and waits for it to end. Keys start in arrival order, `concurrency` at a time.
 */
export function createInProcessQueue(run: JobRunner, options: InProcessQueueOptions = {}): JobQueue {
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const now = options.now ?? Date.now;
  const pending = new Map<string, { job: Job; since: number }>();
  const running = new Map<string, Running>();
  let idleWaiters: (() => void)[] = [];
  let closed = false;

  const notifyIdle = () => {
    if (pending.size || running.size) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  };

  const pump = () => {
    for (const [key, entry] of pending) {
      if (running.size >= concurrency) break;
      if (running.has(key)) continue;
      pending.delete(key);
      start(entry.job);
    }
    notifyIdle();
  };

  const start = (job: Job) => {
    const slot: Running = { job, superseded: false };
    running.set(job.key, slot);
    void (async () => {
      try {
        await run(job, { superseded: () => slot.superseded });
      } catch (error) {
        options.onError?.(error, job);
      } finally {
        running.delete(job.key);
        pump();
      }
    })();
  };

  return {
    enqueue(job) {
      if (closed) throw new Error("the job queue is closed");
      const waiting = pending.get(job.key);
      const active = running.get(job.key);
      if (active) {
        active.superseded = true;
        const carried = mergeJobs(active.job, job);
        pending.set(job.key, { job: waiting ? mergeJobs(waiting.job, carried) : carried, since: waiting?.since ?? now() });
        return waiting ? "coalesced" : "queued";
      }
      if (waiting) {
        pending.set(job.key, { job: mergeJobs(waiting.job, job), since: waiting.since });
        return "coalesced";
      }
      pending.set(job.key, { job, since: now() });
      pump();
      return running.has(job.key) ? "started" : "queued";
    },
    idle() {
      if (!pending.size && !running.size) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    stats(): QueueStats {
      const oldest = Math.min(...[...pending.values()].map((p) => p.since));
      return { pending: pending.size, running: running.size, oldestPendingMs: pending.size ? now() - oldest : 0 };
    },
    async close() {
      closed = true;
      pending.clear();
      await this.idle();
    },
  };
}
