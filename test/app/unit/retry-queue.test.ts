import { createInProcessQueue } from "../../../src/app/jobs/in-process-queue.js";
import { makeJob, mergeJobs, type Job } from "../../../src/app/jobs/job.js";
import type { JobControl } from "../../../src/app/jobs/queue.js";
import { RetryLater } from "../../../src/app/jobs/retry-policy.js";

const job = (pullNumber: number, headSha: string, over: Partial<Job> = {}): Job =>
  makeJob({ installationId: 1, owner: "o", repo: "r", pullNumber, headSha, trigger: "t", deliveryId: headSha, ...over });

function controllable() {
  const started: { job: Job; control: JobControl; finish: (e?: unknown) => void }[] = [];
  const run = (j: Job, control: JobControl) => new Promise<void>((resolve, reject) => started.push({ job: j, control, finish: (e) => (e ? reject(e) : resolve()) }));
  return { started, run };
}

const until = async (predicate: () => boolean) => {
  for (let i = 0; i < 200 && !predicate(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(predicate()).toBe(true);
};

describe("retries in the in-process queue", () => {
  const retry = { attempts: 3, baseDelayMs: 20, maxDelayMs: 100 };

  it("runs a job that throws RetryLater again after its backoff, resumed, until the final attempt", async () => {
    const { started, run } = controllable();
    const q = createInProcessQueue(run, { retry });
    q.enqueue(job(1, "a"));
    expect(started[0].control).toMatchObject({ attempt: 1, finalAttempt: false, resumed: false });
    started[0].finish(new RetryLater("502", { openCheck: { id: 7, headSha: "a" } }));
    await until(() => q.stats().pending === 1);
    expect(started).toHaveLength(1); // waiting for its backoff
    await until(() => started.length === 2);
    expect(started[1].control).toMatchObject({ attempt: 2, finalAttempt: false, resumed: true });
    expect(started[1].job.openChecks).toEqual([{ id: 7, headSha: "a" }]);
    started[1].finish(new RetryLater("502"));
    await until(() => started.length === 3);
    expect(started[2].control).toMatchObject({ attempt: 3, finalAttempt: true, resumed: true });
    started[2].finish();
    await q.idle();
  });

  it("lets a new push replace a retry that waits: the newest head runs at once, carrying the open check", async () => {
    const { started, run } = controllable();
    const q = createInProcessQueue(run, { retry: { ...retry, baseDelayMs: 60_000 } });
    q.enqueue(job(2, "a", { commentIds: [5] }));
    started[0].finish(new RetryLater("timeout", { openCheck: { id: 8, headSha: "a" } }));
    await until(() => q.stats().pending === 1);
    q.enqueue(job(2, "b"));
    await until(() => started.length === 2);
    expect(started[1].job).toMatchObject({ headSha: "b", commentIds: [5], openChecks: [{ id: 8, headSha: "a" }] });
    expect(started[1].control).toMatchObject({ attempt: 1, resumed: true });
    started[1].finish();
    await q.idle();
  });

  it("does not retry without retry settings, nor an error that is not RetryLater", async () => {
    const errors: unknown[] = [];
    const { started, run } = controllable();
    const q = createInProcessQueue(run, { onError: (e) => errors.push(e) });
    q.enqueue(job(3, "a"));
    expect(started[0].control).toMatchObject({ attempt: 1, finalAttempt: true });
    started[0].finish(new RetryLater("502"));
    await q.idle();
    const r = createInProcessQueue(run, { retry, onError: (e) => errors.push(e) });
    r.enqueue(job(4, "a"));
    started[1].finish(new Error("bug"));
    await r.idle();
    expect(started).toHaveLength(2);
    expect(errors).toHaveLength(2);
  });

  it("retries without the re-runs the failed attempt answered", async () => {
    const { started, run } = controllable();
    const q = createInProcessQueue(run, { retry });
    q.enqueue(job(5, "a", { rerequestedChecks: [{ id: 40, headSha: "old" }, { id: 41, headSha: "older" }] }));
    await started[0].control.answered?.([{ id: 40, headSha: "old" }]);
    started[0].finish(new RetryLater("502"));
    await until(() => started.length === 2);
    expect(started[1].job.rerequestedChecks).toEqual([{ id: 41, headSha: "older" }]);
    started[1].finish();
    await q.idle();
  });

  it("merges open checks without repeating one", () => {
    const merged = mergeJobs(job(1, "a", { openChecks: [{ id: 1, headSha: "a" }] }), job(1, "b", { openChecks: [{ id: 1, headSha: "a" }, { id: 2, headSha: "b" }] }));
    expect(merged.openChecks).toEqual([{ id: 1, headSha: "a" }, { id: 2, headSha: "b" }]);
  });
});
