import pino from "pino";
import { makeJob, type Job } from "../../src/app/jobs/job.js";
import type { JobControl, JobQueue } from "../../src/app/jobs/queue.js";
import { createRedisQueue } from "../../src/app/jobs/redis-queue.js";
import { RetryLater } from "../../src/app/jobs/retry-policy.js";
import { connectRedis, type RedisClients } from "../../src/app/redis/connect.js";
import { createRedisDeliveryFilter } from "../../src/app/handlers/deliveries.js";
import { describeWithRedis, dropPrefix, TEST_REDIS_URL, uniquePrefix } from "../support/redis.js";

const log = pino({ level: "silent" });
const job = (pullNumber: number, headSha: string, over: Partial<Job> = {}): Job =>
  makeJob({ installationId: 1, owner: "o", repo: "r", pullNumber, headSha, trigger: "t", deliveryId: `${pullNumber}-${headSha}`, ...over });

interface Started {
  job: Job;
  control: JobControl;
  worker: string;
  finish: (error?: unknown) => void;
}

/** A runner whose runs end when the test says so (or at once with `auto`). */
function runner(worker: string, started: Started[], auto = false) {
  return (j: Job, control: JobControl) =>
    new Promise<void>((resolve, reject) => {
      const entry: Started = { job: j, control, worker, finish: (e) => (e ? reject(e) : resolve()) };
      started.push(entry);
      if (auto) resolve();
    });
}

async function until(predicate: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describeWithRedis("the BullMQ job queue on a real Redis", () => {
  let prefix: string;
  const clients: RedisClients[] = [];
  const queues: JobQueue[] = [];
  const open = (name: string, started: Started[], options: { auto?: boolean; work?: boolean; concurrency?: number; attempts?: number; lockDurationMs?: number; shutdownMs?: number } = {}) => {
    const c = connectRedis(TEST_REDIS_URL);
    clients.push(c);
    const q = createRedisQueue(runner(name, started, options.auto), {
      redis: c.redis,
      workerRedis: c.workerRedis,
      prefix,
      log,
      work: options.work,
      concurrency: options.concurrency ?? 4,
      retry: { attempts: options.attempts ?? 3, baseDelayMs: 50, maxDelayMs: 200 },
      lockDurationMs: options.lockDurationMs ?? 30_000,
      stalledIntervalMs: options.lockDurationMs ? Math.max(200, options.lockDurationMs / 2) : 30_000,
      shutdownMs: options.shutdownMs,
    });
    queues.push(q);
    return { q, c };
  };

  // The "dead" worker's BullMQ loops notice their closed connection within runRetryDelay (2 s): let them end.
  afterAll(() => new Promise((r) => setTimeout(r, 2500)));

  beforeEach(() => {
    prefix = uniquePrefix("queue");
  });

  afterEach(async () => {
    await Promise.allSettled(queues.splice(0).map((q) => q.close()));
    await Promise.allSettled(clients.splice(0).map((c) => c.close()));
    await dropPrefix(prefix);
  });

  it("collapses a burst of pushes to one PR into one run of the newest head, keeping every comment to answer", async () => {
    const started: Started[] = [];
    const { q: producer } = open("producer", started, { work: false });
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await producer.enqueue(job(1, `head${i}`, { commentIds: i % 3 === 0 ? [100 + i] : [] })));
    expect(results[0]).toBe("queued");
    expect(results.slice(1).every((r) => r === "coalesced")).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    const stats = await producer.stats();
    expect(stats).toMatchObject({ pending: 1, running: 0 });
    expect(stats.oldestPendingMs).toBeGreaterThanOrEqual(40);
    const { q: consumer } = open("consumer", started, { auto: true });
    await until(() => started.length === 1, "the run");
    await consumer.idle();
    await new Promise((r) => setTimeout(r, 300));
    expect(started).toHaveLength(1);
    expect(started[0].job).toMatchObject({ headSha: "head9", commentIds: [100, 103, 106, 109] });
    expect(started[0].control).toMatchObject({ attempt: 1, finalAttempt: false, resumed: false });
  });

  it("marks a running job superseded by a newer request, then runs the newest once after it", async () => {
    const started: Started[] = [];
    const { q } = open("w", started);
    await q.enqueue(job(2, "a"));
    await until(() => started.length === 1, "the first run");
    expect(await started[0].control.superseded()).toBe(false);
    await q.enqueue(job(2, "b"));
    await q.enqueue(job(2, "c", { commentIds: [7] }));
    expect(await started[0].control.superseded()).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(started).toHaveLength(1);
    started[0].finish();
    await until(() => started.length === 2, "the run of the newest head");
    expect(started[1].job).toMatchObject({ headSha: "c", commentIds: [7] });
    expect(await started[1].control.superseded()).toBe(false);
    started[1].finish();
    await q.idle();
    expect(started).toHaveLength(2);
  });

  it("retries a transient failure after a backoff, resumed, with the check run it left open", async () => {
    const started: Started[] = [];
    const { q } = open("w", started, { attempts: 3 });
    await q.enqueue(job(3, "a"));
    await until(() => started.length === 1, "the first attempt");
    started[0].finish(new RetryLater("GitHub answered 502", { openCheck: { id: 55, headSha: "a" } }));
    await until(() => started.length === 2, "the retry");
    expect(started[1].control).toMatchObject({ attempt: 2, finalAttempt: false, resumed: true });
    expect(started[1].job.openChecks).toEqual([{ id: 55, headSha: "a" }]);
    started[1].finish(new RetryLater("GitHub answered 502 again"));
    await until(() => started.length === 3, "the last attempt");
    expect(started[2].control).toMatchObject({ attempt: 3, finalAttempt: true, resumed: true });
    started[2].finish();
    await q.idle();
    expect(started).toHaveLength(3);
  });

  it("hands the re-runs a superseded run ended without answering to the request that replaced it", async () => {
    const started: Started[] = [];
    const { q } = open("w", started, { attempts: 1 });
    await q.enqueue(job(7, "a", { rerequestedChecks: [{ id: 41, headSha: "old" }] }));
    await until(() => started.length === 1, "the re-run");
    await q.enqueue(job(7, "b"));
    // It failed before it read the head: the re-run of check 41 has no answer yet.
    started[0].finish(new Error("GitHub answered 404"));
    await until(() => started.length === 2, "the newer request");
    expect(started[1].job).toMatchObject({ headSha: "b", rerequestedChecks: [{ id: 41, headSha: "old" }] });
    expect(started[1].job.force).toBe(false);
    started[1].finish();
    await q.idle();
  });

  it("hands nothing over once the run has answered its re-runs", async () => {
    const started: Started[] = [];
    const { q } = open("w", started, { attempts: 1 });
    await q.enqueue(job(8, "a", { rerequestedChecks: [{ id: 42, headSha: "old" }] }));
    await until(() => started.length === 1, "the re-run");
    await started[0].control.answered?.([{ id: 42, headSha: "old" }]);
    await q.enqueue(job(8, "b"));
    started[0].finish();
    await until(() => started.length === 2, "the newer request");
    expect(started[1].job.rerequestedChecks).toBeUndefined();
    started[1].finish();
    await q.idle();
  });

  it("drops a re-run from the request once answered: a retry does not answer it again", async () => {
    const started: Started[] = [];
    const { q } = open("w", started, { attempts: 2 });
    await q.enqueue(job(9, "a", { rerequestedChecks: [{ id: 43, headSha: "old" }, { id: 44, headSha: "older" }] }));
    await until(() => started.length === 1, "the first attempt");
    // Answered twice (idempotent), then the run fails for a moment after it.
    await started[0].control.answered?.([{ id: 43, headSha: "old" }]);
    await started[0].control.answered?.([{ id: 43, headSha: "old" }]);
    started[0].finish(new RetryLater("GitHub answered 502"));
    await until(() => started.length === 2, "the retry");
    expect(started[1].job.rerequestedChecks).toEqual([{ id: 44, headSha: "older" }]);
    started[1].finish();
    await q.idle();
    const redis = clients[clients.length - 1].redis;
    expect(await redis.exists(`${prefix}:ans:${started[1].job.key}`)).toBe(0);
  });

  it("drops a re-run from the request once answered: a worker taking over a dead one's run does not answer it again", async () => {
    const started: Started[] = [];
    const { q: doomed, c: doomedClients } = open("doomed", started, { lockDurationMs: 1000, shutdownMs: 100 });
    await doomed.enqueue(job(10, "a", { rerequestedChecks: [{ id: 45, headSha: "old" }] }));
    await until(() => started.length === 1, "the first worker's run");
    await started[0].control.answered?.([{ id: 45, headSha: "old" }]);
    doomedClients.workerRedis.disconnect();
    doomedClients.redis.disconnect();
    const { q: survivor } = open("survivor", started, { auto: true, lockDurationMs: 1000 });
    await until(() => started.length === 2, "the take-over", 10_000);
    expect(started[1]).toMatchObject({ worker: "survivor", control: { resumed: true } });
    expect(started[1].job.rerequestedChecks).toBeUndefined();
    await survivor.idle();
  });

  it("shares 20 PRs between two workers and runs each exactly once", async () => {
    const started: Started[] = [];
    const { q: a } = open("a", started, { auto: true, concurrency: 2 });
    const { q: b } = open("b", started, { auto: true, concurrency: 2 });
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).enqueue(job(100 + i, "h"))));
    await until(() => started.length >= 20, "20 runs");
    await a.idle();
    await new Promise((r) => setTimeout(r, 300));
    expect(started.map((s) => s.job.pullNumber).sort()).toEqual(Array.from({ length: 20 }, (_, i) => 100 + i));
    expect(new Set(started.map((s) => s.worker))).toEqual(new Set(["a", "b"]));
  });

  it("lets another worker take over a run whose worker died, resumed, and run it once", async () => {
    const started: Started[] = [];
    const { q: doomed, c: doomedClients } = open("doomed", started, { lockDurationMs: 1000, shutdownMs: 100 });
    await doomed.enqueue(job(4, "a", { commentIds: [9] }));
    await until(() => started.length === 1, "the first worker's run");
    // The worker "dies": its connections drop, its lock is never renewed.
    doomedClients.workerRedis.disconnect();
    doomedClients.redis.disconnect();
    const { q: survivor } = open("survivor", started, { auto: true, lockDurationMs: 1000 });
    await until(() => started.length === 2, "the take-over", 10_000);
    expect(started[1]).toMatchObject({ worker: "survivor", job: { headSha: "a", commentIds: [9] }, control: { resumed: true } });
    await survivor.idle();
    await new Promise((r) => setTimeout(r, 1500));
    expect(started).toHaveLength(2);
  });

  /** A worker closes while its run outlives the 200 ms deadline; a second worker takes the run over. */
  const handOver = async (pullNumber: number, staying: { auto?: boolean }) => {
    const started: Started[] = [];
    const { q: leaving } = open("leaving", started, { shutdownMs: 200 });
    await leaving.enqueue(job(pullNumber, "a"));
    await until(() => started.length === 1, "the run");
    await leaving.close();
    const { q } = open("staying", started, staying);
    await until(() => started.length === 2, "the handed-back run");
    return { started, staying: q };
  };

  it("on close, hands a run that outlives the deadline back to the queue for another worker", async () => {
    const { started, staying } = await handOver(5, { auto: true });
    expect(started[1]).toMatchObject({ worker: "staying", job: { headSha: "a" }, control: { resumed: true } });
    // The run still going on in the stopped worker is told to write nothing more; the new one is not.
    expect([started[0].control.handedBack?.(), started[1].control.handedBack?.()]).toEqual([true, false]);
    await staying.idle();
  });

  it("keeps a handed-back request current for the worker that took it over when the old run ends", async () => {
    const { started, staying } = await handOver(6, {});
    started[0].finish();
    await new Promise((r) => setTimeout(r, 300));
    // Had the old run finished the request, a worker dying now would resume nothing.
    const redis = clients[clients.length - 1].redis;
    expect(await redis.exists(`${prefix}:cur:${started[1].job.key}`)).toBe(1);
    started[1].finish();
    await staying.idle();
    expect(await redis.exists(`${prefix}:cur:${started[1].job.key}`)).toBe(0);
  });

  it("drops a webhook delivery seen by any replica", async () => {
    const a = connectRedis(TEST_REDIS_URL);
    const b = connectRedis(TEST_REDIS_URL);
    clients.push(a, b);
    const first = createRedisDeliveryFilter(a.redis, prefix);
    const second = createRedisDeliveryFilter(b.redis, prefix);
    expect(await first("d1:o/r#1")).toBe(true);
    expect(await second("d1:o/r#1")).toBe(false);
    expect(await second("d2:o/r#1")).toBe(true);
  });
});
