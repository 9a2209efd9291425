import { Redis } from "ioredis";
import { GitHubDouble } from "../support/github-double.js";
import { describeWithRedis, dropPrefix, TEST_REDIS_URL, uniquePrefix } from "../support/redis.js";
import { pullRequestPayload, OWNER, REPO } from "../app/support/payloads.js";
import { appEnv, prFiles } from "./app-env.js";
import { ensureBuilt, startServer, type RunningServer } from "./server.js";
import { sendWebhook } from "./webhook.js";

/**
 * Two `npm start` processes sharing one Redis (REDIS_URL) against the GitHub double: the BullMQ
 * queue spreads the PRs over both, each PR is audited exactly once, and a replica killed with
 * SIGKILL in the middle of a run loses nothing: the other takes the run over and finishes it.
 */
const SECRET = "replica-secret";

describeWithRedis("several replicas on one Redis (real servers, GitHub double)", () => {
  let double: GitHubDouble;
  let prefix: string;
  let a: RunningServer;
  let b: RunningServer;
  const env = async () =>
    appEnv(double, SECRET, {
      REDIS_URL: TEST_REDIS_URL,
      DOCKAUDIT_REDIS_PREFIX: prefix,
      DOCKAUDIT_CONCURRENCY: "3",
      DOCKAUDIT_LOCK_MS: "2000",
      DOCKAUDIT_STALLED_CHECK_MS: "1000",
      DOCKAUDIT_SHUTDOWN_MS: "1500",
    });
  const runLines = (s: RunningServer) => s.output().split("\n").filter((l) => l.includes('"msg":"dockaudit run"')).map((l) => JSON.parse(l) as { pr: number; result: string; head: string });

  beforeAll(async () => {
    ensureBuilt();
    prefix = uniquePrefix("replicas");
    double = await new GitHubDouble({ validate: false }).listen();
    [a, b] = await Promise.all([startServer(await env()), startServer(await env())]);
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await double?.close();
    if (prefix) await dropPrefix(prefix);
  });

  const repo = () => double.repo(OWNER, REPO);
  const completedOn = (sha: string) => repo().checkRuns.filter((c) => c.head_sha === sha && c.status === "completed");

  it("reports Redis ready on /readyz", async () => {
    const res = await fetch(`${a.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready", redis: "ok" });
  });

  it("audits 20 PRs delivered in a burst to two replicas exactly once each", async () => {
    const numbers = Array.from({ length: 20 }, (_, i) => 100 + i);
    const pulls = numbers.map((n) => double.openPull(OWNER, REPO, { number: n, ...prFiles(n, 0) }));
    // Every PR reaches both replicas: opened on one, the same delivery redelivered to the other.
    await Promise.all(
      pulls.flatMap((p, i) => {
        const payload = pullRequestPayload("opened", { number: p.number, head: p.head, base: p.base, changedFiles: 2 });
        const [first, second] = i % 2 ? [a, b] : [b, a];
        return [sendWebhook(first.url, "pull_request", payload, SECRET, `burst-${p.number}`), sendWebhook(second.url, "pull_request", payload, SECRET, `burst-${p.number}`)];
      }),
    );
    await double.waitFor(() => pulls.every((p) => completedOn(p.head).length > 0), 90_000, "20 completed checks");
    await new Promise((r) => setTimeout(r, 1500));
    for (const p of pulls) {
      expect({ pr: p.number, checks: repo().checkRuns.filter((c) => c.head_sha === p.head).length }).toEqual({ pr: p.number, checks: 1 });
      expect({ pr: p.number, reviews: repo().reviews.filter((r) => r.pull === p.number).length }).toEqual({ pr: p.number, reviews: 1 });
    }
    const runs = [...runLines(a), ...runLines(b)].filter((l) => numbers.includes(l.pr));
    expect(runs.filter((l) => l.result === "published").map((l) => l.pr).sort()).toEqual(numbers);
    expect(runLines(a).length).toBeGreaterThan(0);
    expect(runLines(b).length).toBeGreaterThan(0);
    // Probot's throttle is clustered through the same Redis: its Bottleneck groups live there, under the deployment's id.
    const redis = new Redis(TEST_REDIS_URL);
    const throttleKeys = await redis.keys(`b_octokit-global-${prefix}*`);
    await redis.quit();
    expect(throttleKeys.length).toBeGreaterThan(0);
  }, 120_000);

  it("loses no job when a replica is killed with SIGKILL in the middle of a run", async () => {
    double.latencyMs = 150; // runs of a few seconds, so the kill lands inside one
    const numbers = Array.from({ length: 8 }, (_, i) => 200 + i);
    const pulls = numbers.map((n) => double.openPull(OWNER, REPO, { number: n, ...prFiles(n, 1) }));
    const before = a.output().split("\n").filter((l) => l.includes('"msg":"run started"')).length;
    await Promise.all(pulls.map((p) => sendWebhook(a.url, "pull_request", pullRequestPayload("opened", { number: p.number, head: p.head, base: p.base, changedFiles: 2 }), SECRET)));
    await double.waitFor(() => a.output().split("\n").filter((l) => l.includes('"msg":"run started"')).length > before, 30_000, "a run started on the first replica");
    await a.kill("SIGKILL");
    double.latencyMs = 0;
    await double.waitFor(() => pulls.every((p) => completedOn(p.head).length > 0), 90_000, "every PR completed by the surviving replica");
    await new Promise((r) => setTimeout(r, 1500));
    for (const p of pulls) {
      const checks = repo().checkRuns.filter((c) => c.head_sha === p.head);
      expect({ pr: p.number, checks: checks.length, status: checks[0].status }).toEqual({ pr: p.number, checks: 1, status: "completed" });
      const fingerprints = repo().reviewComments.filter((c) => c.pull === p.number).map((c) => `${c.path}:${c.line}:${c.body.slice(-40)}`);
      expect(new Set(fingerprints).size).toBe(fingerprints.length);
    }
    expect(b.output()).toMatch(/"msg":"run started".*"resumed":true|"resumed":true.*"msg":"run started"/);
  }, 150_000);

  it("finishes or hands back its running jobs when stopped with SIGTERM, and exits cleanly", async () => {
    const c = await startServer(await env());
    double.latencyMs = 150;
    const numbers = Array.from({ length: 6 }, (_, i) => 300 + i);
    const pulls = numbers.map((n) => double.openPull(OWNER, REPO, { number: n, ...prFiles(n, 2) }));
    await Promise.all(pulls.map((p) => sendWebhook(c.url, "pull_request", pullRequestPayload("opened", { number: p.number, head: p.head, base: p.base, changedFiles: 2 }), SECRET)));
    await double.waitFor(() => c.output().includes('"msg":"run started"'), 30_000, "a run started on the replica to stop");
    await c.kill("SIGTERM");
    await double.waitFor(() => c.output().includes('"msg":"stopped"'), 15_000, "the stopped replica's last line");
    double.latencyMs = 0;
    await double.waitFor(() => pulls.every((p) => completedOn(p.head).length > 0), 90_000, "every PR completed");
    await new Promise((r) => setTimeout(r, 1500));
    for (const p of pulls) {
      const checks = repo().checkRuns.filter((x) => x.head_sha === p.head);
      expect({ pr: p.number, checks: checks.length, status: checks[0].status }).toEqual({ pr: p.number, checks: 1, status: "completed" });
      expect({ pr: p.number, reviews: repo().reviews.filter((r) => r.pull === p.number).length }).toEqual({ pr: p.number, reviews: 1 });
    }
    expect(c.output()).toContain("SIGTERM");
  }, 150_000);
});
