import { Job as BullJobClass, Queue, Worker, type Job as BullJob } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { withoutAnswered, type Job } from "./job.js";
import type { EnqueueResult, JobQueue, JobRunner, QueueStats } from "./queue.js";
import { createRequestStore, type RequestStore } from "./redis-requests.js";
import { DEFAULT_RETRY, jobForRetry, retryDelayMs, RetryLater, type RetrySettings } from "./retry-policy.js";

export const QUEUE_NAME = "dockaudit-runs";

export interface RedisQueueOptions {
  /** For the queue, the request store and readiness. */
  redis: Redis;
  /** For the worker's blocking reads: a client with `maxRetriesPerRequest: null`, as BullMQ requires. */
  workerRedis: Redis;
  /** Runs at once in this process. */
  concurrency?: number;
  retry?: RetrySettings;
  /** How long a worker's lock on a run lasts without renewal: a dead worker's run is taken over after it. */
  lockDurationMs?: number;
  /** How often workers look for runs whose worker died. */
  stalledIntervalMs?: number;
  /** On close, how long to let running jobs finish before handing them back. */
  shutdownMs?: number;
  /** Key prefix for BullMQ and the request store. */
  prefix?: string;
  log: Pick<Logger, "info" | "warn" | "error">;
  /** False: enqueue only (a process that takes no work). Default true. */
  work?: boolean;
}

interface Active {
  bull: BullJob;
  token: string;
}

/**
 * The job queue on Redis (BullMQ), shared by every replica. BullMQ carries only the PR key, with
 * a deduplication id per key that keeps at most one job waiting while one runs
 * (`keepLastIfActive`); the requests themselves, merged newest-first, live in the request store,
 * where a running job also sees that a newer one arrived (its `superseded()`).
 *
 * A run that throws `RetryLater` is retried by BullMQ after the policy's backoff; a worker that
 * dies loses its lock, and after `lockDurationMs` another worker takes the run over, told that it
 * is resumed so it reuses the check run and review an earlier attempt made.
 */
export function createRedisQueue(run: JobRunner, options: RedisQueueOptions): JobQueue & { store: RequestStore } {
  const prefix = options.prefix ?? "dockaudit";
  const retry = options.retry ?? DEFAULT_RETRY;
  const store = createRequestStore(options.redis, prefix);
  const queue = new Queue(QUEUE_NAME, { connection: options.redis, prefix });
  const active = new Map<string, Active>();
  /** Runs this replica gave back while stopping: they still run here, but must not write or finish. */
  const handedBack = new Set<string>();
  let closing: Promise<void> | null = null;

  const processJob = async (bull: BullJob, token?: string): Promise<string> => {
    const key = String(bull.data.key);
    const id = String(bull.id);
    active.set(id, { bull, token: token ?? "" });
    try {
      const taken = await store.take(key);
      if (!taken.job) return "nothing-to-do";
      const attempt = bull.attemptsMade + 1;
      const finalAttempt = attempt >= retry.attempts;
      const resumed = taken.resumed || bull.attemptsStarted > attempt;
      const answered = new Set<number>();
      options.log.info({ key, attempt, resumed, job: bull.id }, "run started");
      try {
        await run(taken.job, {
          superseded: async () => (await store.generation(key)) > taken.generation,
          attempt,
          finalAttempt,
          resumed,
          handedBack: () => handedBack.has(id),
          answered: async (checks) => {
            for (const c of checks) answered.add(c.id);
            await store.answered(key, checks.map((c) => c.id));
          },
        });
      } catch (error) {
        if (handedBack.has(id)) return "handed back";
        if (error instanceof RetryLater && !finalAttempt) {
          await store.handBack(jobForRetry(withoutAnswered(taken.job, answered), error));
          throw error;
        }
        options.log.error({ err: error, key }, "job crashed");
      }
      // A run handed back is another replica's now: its request stays current for that one.
      if (handedBack.has(id)) return "handed back";
      await store.finish(key, withoutAnswered(taken.job, answered));
      return "done";
    } finally {
      active.delete(id);
    }
  };

  const worker =
    options.work === false
      ? null
      : new Worker(QUEUE_NAME, processJob, {
          connection: options.workerRedis,
          prefix,
          concurrency: Math.max(1, options.concurrency ?? 4),
          lockDuration: options.lockDurationMs ?? 30_000,
          stalledInterval: options.stalledIntervalMs ?? 30_000,
          // A run taken over twice (two workers died under it) is still run once more.
          maxStalledCount: 2,
          // Seconds an idle worker blocks waiting for a job: short, so a run handed back by a dead
          // or stopping worker is picked up within a second or two.
          drainDelay: 1,
          // After a Redis connection error, try again within seconds rather than BullMQ's 15.
          runRetryDelay: 2000,
          settings: { backoffStrategy: (attemptsMade: number, _type?: string, err?: Error) => retryDelayMs(attemptsMade, err, retry) },
        });
  worker?.on("error", (err) => options.log.error({ err }, "job queue worker error"));
  worker?.on("failed", (bull, err) => {
    if (bull && bull.attemptsMade < retry.attempts && err instanceof RetryLater) return;
    if (err) options.log.warn({ err, key: bull?.data?.key, attempts: bull?.attemptsMade }, "job failed for good");
  });

  const counts = async () => {
    const c = await queue.getJobCounts("waiting", "prioritized", "delayed", "active");
    return { pending: (c.waiting ?? 0) + (c.prioritized ?? 0) + (c.delayed ?? 0), running: c.active ?? 0 };
  };

  return {
    store,
    async enqueue(job: Job): Promise<EnqueueResult> {
      if (closing) throw new Error("the job queue is closed");
      const waiting = await store.push(job);
      await queue.add(
        "run",
        { key: job.key },
        {
          deduplication: { id: job.key, keepLastIfActive: true },
          attempts: retry.attempts,
          backoff: { type: "custom" },
          removeOnComplete: true,
          removeOnFail: { age: 7 * 24 * 3600, count: 1000 },
        },
      );
      return waiting > 1 ? "coalesced" : "queued";
    },
    async idle() {
      for (;;) {
        const { pending, running } = await counts();
        if (!pending && !running && !active.size) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stats(): Promise<QueueStats> {
      const { pending, running } = await counts();
      const oldest = pending ? await queue.getJobs(["waiting", "prioritized", "delayed"], 0, 0, true) : [];
      const stamps = oldest.map((j) => j.timestamp).filter((t): t is number => typeof t === "number" && t > 0);
      return { pending, running, oldestPendingMs: stamps.length ? Math.max(0, Date.now() - Math.min(...stamps)) : 0 };
    },
    close() {
      closing ??= (async () => {
        if (worker) {
          await worker.pause(true); // takes no new run; the running ones go on
          const deadline = Date.now() + (options.shutdownMs ?? 20_000);
          while (active.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
          const handBack = [...active.values()];
          for (const { bull } of handBack) handedBack.add(String(bull.id));
          active.clear();
          await worker.close(true);
          // Past the deadline: hand the running jobs back (through the queue's connection, with the
          // lock token, now that this worker fetches nothing) so another replica takes them at once.
          for (const { bull, token } of handBack) {
            const job = await BullJobClass.fromId(queue, String(bull.id)).catch(() => undefined);
            await job?.moveToWait(token).catch((err: unknown) => options.log.warn({ err, key: bull.data?.key }, "could not hand a job back"));
            options.log.warn({ key: bull.data?.key }, "shutting down: job handed back to the queue");
          }
        }
        await queue.close();
      })();
      return closing;
    },
  };
}
