import type { Job, OpenCheck } from "./job.js";

export interface JobControl {
  /** True once a newer job for the same key arrived: the run must publish nothing. May ask Redis. */
  superseded(): boolean | Promise<boolean>;
  /** 1 for the first attempt at this request, 2 for its first retry, and so on. Default 1. */
  attempt?: number;
  /**
   * False while the queue would retry a transient failure later: the run then throws
   * `RetryLater` instead of completing its check as failed. Default true (no retries).
   */
  finalAttempt?: boolean;
  /**
   * An earlier attempt at this request may have created the check run or posted the review
   * (a retry, or a job taken over from a worker that died): find them before creating new ones.
   */
  resumed?: boolean;
  /**
   * True once a stopping replica has handed the run back to the queue past its shutdown deadline:
   * another replica runs it from then on, so this run must write nothing more to GitHub.
   */
  handedBack?(): boolean;
  /**
   * The run has answered these re-run checks (see `Job.rerequestedChecks`): no later run of this
   * request (a retry, a take-over) answers them again. Those a run ends without answering are
   * handed to the request that replaced it, when one waits.
   */
  answered?(checks: readonly OpenCheck[]): void | Promise<void>;
}

export type JobRunner = (job: Job, control: JobControl) => Promise<void>;

export interface QueueStats {
  /** Jobs waiting to start (including those waiting for a retry). */
  pending: number;
  running: number;
  /** Age in ms of the oldest job waiting to start, 0 when none waits. */
  oldestPendingMs: number;
}

export type EnqueueResult = "started" | "queued" | "coalesced";

/** The seam between handlers and the runner: the in-process queue, or the BullMQ one on Redis. */
export interface JobQueue {
  /** "started", "queued", or "coalesced" into a job already waiting for the same key. */
  enqueue(job: Job): EnqueueResult | Promise<EnqueueResult>;
  /** Resolves when nothing is running or waiting. */
  idle(): Promise<void>;
  stats(): QueueStats | Promise<QueueStats>;
  /**
   * Stops taking jobs. The in-process queue drops what waits and waits for the running jobs;
   * the Redis queue leaves waiting jobs in Redis for the other replicas and finishes (or, past
   * its deadline, hands back) the running ones.
   */
  close(): Promise<void>;
}
