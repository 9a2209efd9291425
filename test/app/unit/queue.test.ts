import { createInProcessQueue } from "../../../src/app/jobs/in-process-queue.js";
import { makeJob, mergeJobs, type Job } from "../../../src/app/jobs/job.js";
import type { JobControl } from "../../../src/app/jobs/queue.js";

const job = (pullNumber: number, headSha: string, over: Partial<Job> = {}): Job =>
  makeJob({ installationId: 1, owner: "o", repo: "r", pullNumber, headSha, trigger: "t", deliveryId: headSha, ...over });

/** A runner whose jobs finish when the test says so. */
function controllable() {
  const started: { job: Job; control: JobControl; finish: () => void }[] = [];
  const run = (j: Job, control: JobControl) => new Promise<void>((resolve) => started.push({ job: j, control, finish: resolve }));
  return { started, run };
}

const tick = () => new Promise((r) => setImmediate(r));

describe("the in-process job queue", () => {
  it("keys jobs by repo#PR", () => {
    expect(job(5, "a").key).toBe("o/r#5");
  });

  it("coalesces waiting jobs of one PR: the newest head wins, comments are all kept", async () => {
    const { started, run } = controllable();
    const q = createInProcessQueue(run, { concurrency: 1 });
    expect(q.enqueue(job(1, "a"))).toBe("started");
    expect(q.enqueue(job(2, "b", { commentIds: [7] }))).toBe("queued");
    expect(q.enqueue(job(2, "c", { commentIds: [8] }))).toBe("coalesced");
    expect(q.stats()).toMatchObject({ pending: 1, running: 1 });
    started[0].finish();
    await tick();
    expect(started[1].job).toMatchObject({ headSha: "c", commentIds: [7, 8] });
    started[1].finish();
    await q.idle();
  });

  it("marks a running job superseded when a newer one arrives and runs the newer one after it", async () => {
    const { started, run } = controllable();
    const q = createInProcessQueue(run, { concurrency: 4 });
    q.enqueue(job(1, "a", { commentIds: [1] }));
    expect(started[0].control.superseded()).toBe(false);
    expect(q.enqueue(job(1, "b"))).toBe("queued");
    expect(started[0].control.superseded()).toBe(true);
    expect(started).toHaveLength(1);
    started[0].finish();
    await tick();
    expect(started[1].job).toMatchObject({ headSha: "b", commentIds: [1] });
    expect(started[1].control.superseded()).toBe(false);
    started[1].finish();
    await q.idle();
  });

  it("bounds concurrency across PRs and reports the oldest waiting job's age", async () => {
    const { started, run } = controllable();
    let now = 1000;
    const q = createInProcessQueue(run, { concurrency: 2, now: () => now });
    for (let i = 1; i <= 4; i++) q.enqueue(job(i, "x"));
    expect(started).toHaveLength(2);
    now = 1500;
    expect(q.stats()).toEqual({ pending: 2, running: 2, oldestPendingMs: 500 });
    started[0].finish();
    await tick();
    expect(started.map((s) => s.job.pullNumber)).toEqual([1, 2, 3]);
    for (const s of started.slice(1)) s.finish();
    await tick();
    started[3].finish();
    await q.idle();
    expect(q.stats()).toEqual({ pending: 0, running: 0, oldestPendingMs: 0 });
  });

  it("contains a runner's crash and keeps going", async () => {
    const errors: unknown[] = [];
    const ran: number[] = [];
    const q = createInProcessQueue(
      async (j) => {
        ran.push(j.pullNumber);
        if (j.pullNumber === 1) throw new Error("boom");
      },
      { onError: (e) => errors.push(e) },
    );
    q.enqueue(job(1, "a"));
    q.enqueue(job(2, "a"));
    await q.idle();
    expect(ran).toEqual([1, 2]);
    expect(errors).toHaveLength(1);
  });

  it("refuses jobs once closed", async () => {
    const q = createInProcessQueue(async () => undefined);
    await q.close();
    expect(() => q.enqueue(job(1, "a"))).toThrow(/closed/);
  });

  it("merges force and comment ids", () => {
    expect(mergeJobs(job(1, "a", { force: true, commentIds: [1] }), job(1, "b", { commentIds: [1, 2] }))).toMatchObject({ headSha: "b", force: true, commentIds: [1, 2] });
  });
});
