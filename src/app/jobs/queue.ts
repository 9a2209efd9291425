import type { Job } from "./job.js";

export interface JobControl {
  /** True once a newer job for the same key arrived: the run must publish nothing. */
  superseded(): boolean;
}

export type JobRunner = (job: Job, control: JobControl) => Promise<void>;

export interface QueueStats {
  pending: number;
  running: number;
  /** Age in ms of the oldest job waiting to start, 0 when none waits. */
  oldestPendingMs: number;
}

/** The seam between handlers and the runner: the in-process queue now, a Redis one later. */
export interface JobQueue {
  /** "started", "queued", or "coalesced" into a job already waiting for the same key. */
  enqueue(job: Job): "started" | "queued" | "coalesced";
  /** Resolves when nothing is running or waiting. */
  idle(): Promise<void>;
  stats(): QueueStats;
  /** Stops taking jobs and waits for the running ones. */
  close(): Promise<void>;
}
