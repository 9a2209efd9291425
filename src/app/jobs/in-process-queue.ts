import { mergeJobs, withOpenChecks, withoutAnswered, type Job } from "./job.js";
import type { EnqueueResult, JobQueue, JobRunner, QueueStats } from "./queue.js";
import { jobForRetry, retryDelayMs, RetryLater, type RetrySettings } from "./retry-policy.js";

interface Running {
  job: Job;
  superseded: boolean;
  /** Re-run checks the run has answered. */
  answered: Set<number>;
}

interface Waiting {
  job: Job;
  since: number;
  /** The attempt this run will be (1 unless it is a retry). */
  attempt: number;
  /** An earlier attempt may have left a check run or a review behind. */
  resumed: boolean;
  /** Not before this time (epoch ms): the retry's backoff. */
  readyAt: number;
}

export interface InProcessQueueOptions {
  /** Jobs running at once across all pull requests. */
  concurrency?: number;
  /** Called when a runner throws: the runner should not, but the queue never lets it escape. */
  onError?: (error: unknown, job: Job) => void;
  /** Retries of runs that end with `RetryLater`; default one attempt (no retries). */
  retry?: RetrySettings;
  now?: () => number;
}

export interface InProcessQueue extends JobQueue {
  enqueue(job: Job): EnqueueResult;
  stats(): QueueStats;
}

/**
 * Per pull request at most one job runs and one waits. A new job for a key that is waiting
 * replaces it (newest head wins); one for a key that is running marks the running job superseded
 * and waits for it to end. Keys start in arrival order, `concurrency` at a time. A run that throws
 * `RetryLater` waits its backoff and runs again, unless its attempts are spent.
 */
export function createInProcessQueue(run: JobRunner, options: InProcessQueueOptions = {}): InProcessQueue {
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const now = options.now ?? Date.now;
  const retry = options.retry ?? { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 };
  const pending = new Map<string, Waiting>();
  const running = new Map<string, Running>();
  let idleWaiters: (() => void)[] = [];
  let closed = false;
  let timer: NodeJS.Timeout | null = null;

  const notifyIdle = () => {
    if (pending.size || running.size) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  };

  const pump = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    let nextReady = Infinity;
    for (const [key, entry] of pending) {
      if (running.size >= concurrency) break;
      if (running.has(key)) continue;
      if (entry.readyAt > now()) {
        nextReady = Math.min(nextReady, entry.readyAt);
        continue;
      }
      pending.delete(key);
      start(entry);
    }
    if (nextReady !== Infinity) timer = setTimeout(pump, Math.max(1, nextReady - now()));
    notifyIdle();
  };

  const start = (entry: Waiting) => {
    const { job } = entry;
    const slot: Running = { job, superseded: false, answered: new Set() };
    running.set(job.key, slot);
    void (async () => {
      let retried = false;
      try {
        const answered = (checks: readonly { id: number }[]) => void checks.forEach((c) => slot.answered.add(c.id));
        await run(job, { superseded: () => slot.superseded, attempt: entry.attempt, finalAttempt: entry.attempt >= retry.attempts, resumed: entry.resumed, answered });
      } catch (error) {
        retried = error instanceof RetryLater && entry.attempt < retry.attempts && !closed;
        if (retried) requeue(jobForRetry(withoutAnswered(job, slot.answered), error as RetryLater), entry, error as RetryLater);
        else options.onError?.(error, job);
      } finally {
        running.delete(job.key);
        if (!retried) handOverReruns(withoutAnswered(job, slot.answered));
        pump();
      }
    })();
  };

  /**
   * Re-runs a run ended without answering (it failed before it read the PR's head) go to the
   * request that replaced it: the newer request was queued without them, taken as answered.
   */
  const handOverReruns = (left: Job) => {
    const next = pending.get(left.key);
    if (!next || !left.rerequestedChecks?.length) return;
    pending.set(left.key, { ...next, job: { ...next.job, rerequestedChecks: withOpenChecks(left.rerequestedChecks, next.job.rerequestedChecks ?? []) } });
  };

  /** Back in the queue after its backoff, or folded into a newer request that arrived meanwhile. */
  const requeue = (job: Job, failed: Waiting, error: RetryLater) => {
    const newer = pending.get(job.key);
    if (newer) {
      pending.set(job.key, { ...newer, job: mergeJobs(job, newer.job), resumed: true });
      return;
    }
    pending.set(job.key, { job, since: failed.since, attempt: failed.attempt + 1, resumed: true, readyAt: now() + retryDelayMs(failed.attempt, error, retry) });
  };

  return {
    enqueue(job) {
      if (closed) throw new Error("the job queue is closed");
      const waiting = pending.get(job.key);
      const active = running.get(job.key);
      if (active) {
        active.superseded = true;
        // The running job finishes its own open checks (or hands them back through RetryLater), and
        // answers the re-runs that asked for it once it has read the head: those it could not
        // answer are handed over when it ends.
        const carried = mergeJobs({ ...active.job, openChecks: undefined, rerequestedChecks: undefined }, job);
        pending.set(job.key, waiting ? { ...waiting, job: mergeJobs(waiting.job, carried), attempt: 1, readyAt: 0 } : { job: carried, since: now(), attempt: 1, resumed: false, readyAt: 0 });
        return waiting ? "coalesced" : "queued";
      }
      if (waiting) {
        // A new request replaces a retry that was waiting for its backoff: it starts at once, from attempt 1.
        pending.set(job.key, { ...waiting, job: mergeJobs(waiting.job, job), attempt: 1, readyAt: 0 });
        pump();
        return running.has(job.key) ? "started" : "coalesced";
      }
      pending.set(job.key, { job, since: now(), attempt: 1, resumed: false, readyAt: 0 });
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
      if (timer) clearTimeout(timer);
      timer = null;
      await this.idle();
    },
  };
}
