import type { Redis } from "ioredis";
import { mergeJobs, withoutAnswered, type Job } from "./job.js";

/**
 * What each pull request asked for, kept in Redis beside the BullMQ queue, so that any replica
 * runs the newest request and a taken-over run knows what its dead worker had taken.
 *
 * Per key (`owner/repo#n`):
 * - `req` — requests not yet taken by a run, oldest first (JSON jobs);
 * - `cur` — the requests the current run took (one merged job); present while a run holds
 *   them, so a run that finds it at start knows an earlier attempt did not finish;
 * - `gen` — a counter bumped by every request: a run that took generation g is superseded as
 *   soon as the counter passes g;
 * - `ans` — the ids of the re-run checks the current run has answered: a retry or a take-over of
 *   the run takes its requests without them, so no check gets the same answer twice.
 * BullMQ carries only the key; every run reads its work from here.
 */
export interface RequestStore {
  /** Adds a request; resolves to the number of requests now waiting for the key (1 = none before it). */
  push(job: Job): Promise<number>;
  /** Moves the waiting requests into the key's current run and returns the run's merged job. */
  take(key: string): Promise<Taken>;
  /** The merged job a retried run will take again (with the check runs it left open). */
  handBack(job: Job): Promise<void>;
  /** The current run answered these re-run checks (idempotent). */
  answered(key: string, checkIds: readonly number[]): Promise<void>;
  /**
   * The run is over: forget what it took. `unanswered`: re-runs it could not answer, handed to
   * the request that waits for the key, when one does.
   */
  finish(key: string, unanswered?: Job): Promise<void>;
  generation(key: string): Promise<number>;
}

export interface Taken {
  /** Null when an earlier run already took (and ran) everything. */
  job: Job | null;
  generation: number;
  /** An earlier attempt took requests and did not finish: it may have left a check run or review. */
  resumed: boolean;
}

/** Keys live a week after their last request: long enough for any retry, short enough not to pile up. */
const TTL_SECONDS = 7 * 24 * 3600;

const TAKE = `
local resumed = redis.call('EXISTS', KEYS[1])
local items = redis.call('LRANGE', KEYS[2], 0, -1)
for i = 1, #items do redis.call('RPUSH', KEYS[1], items[i]) end
if #items > 0 then
  redis.call('DEL', KEYS[2])
  redis.call('EXPIRE', KEYS[1], ARGV[1])
end
return { redis.call('LRANGE', KEYS[1], 0, -1), redis.call('GET', KEYS[3]) or '0', resumed, redis.call('SMEMBERS', KEYS[4]) }
`;

/** Ends the run: its re-runs left unanswered go first in the waiting requests, if any wait. */
const FINISH = `
if ARGV[1] ~= '' and redis.call('LLEN', KEYS[2]) > 0 then redis.call('LPUSH', KEYS[2], ARGV[1]) end
redis.call('DEL', KEYS[1], KEYS[3])
`;

export function createRequestStore(redis: Redis, prefix = "dockaudit"): RequestStore {
  const k = (kind: string, key: string) => `${prefix}:${kind}:${key}`;
  /** The key's current run holds `job` alone, atomically (so `cur` does not grow across retries). */
  const setCurrent = async (job: Job) => {
    await redis.multi().del(k("cur", job.key)).rpush(k("cur", job.key), JSON.stringify(job)).expire(k("cur", job.key), TTL_SECONDS).exec();
  };
  return {
    async push(job) {
      const results = await redis
        .multi()
        .rpush(k("req", job.key), JSON.stringify(job))
        .expire(k("req", job.key), TTL_SECONDS)
        .incr(k("gen", job.key))
        .expire(k("gen", job.key), TTL_SECONDS)
        .exec();
      return Number(results?.[0]?.[1] ?? 1);
    },
    async take(key) {
      const [items, generation, resumed, answered] = (await redis.eval(TAKE, 4, k("cur", key), k("req", key), k("gen", key), k("ans", key), TTL_SECONDS)) as [string[], string, number, string[]];
      const jobs = items.map((text) => JSON.parse(text) as Job);
      const merged = jobs.length ? jobs.reduce((older, newer) => mergeJobs(older, newer)) : null;
      const job = merged && answered.length ? withoutAnswered(merged, new Set(answered.map(Number))) : merged;
      // Keep one merged entry.
      if (job && jobs.length > 1) await setCurrent(job);
      return { job, generation: Number(generation), resumed: resumed === 1 };
    },
    handBack: setCurrent,
    async answered(key, checkIds) {
      if (!checkIds.length) return;
      await redis.multi().sadd(k("ans", key), ...checkIds.map(String)).expire(k("ans", key), TTL_SECONDS).exec();
    },
    async finish(key, unanswered) {
      const left = unanswered?.rerequestedChecks ?? [];
      // Only the re-runs travel: the request's comments were answered, its checks completed.
      const carrier = left.length ? JSON.stringify({ ...unanswered, force: false, commentIds: [], reviewCommentIds: undefined, openChecks: undefined, rerequestedChecks: left }) : "";
      await redis.eval(FINISH, 3, k("cur", key), k("req", key), k("ans", key), carrier);
    },
    async generation(key) {
      return Number((await redis.get(k("gen", key))) ?? 0);
    },
  };
}
