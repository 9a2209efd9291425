import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { healthHandler, metricsHandler, readyHandler, type HttpHandler } from "../../../src/app/health.js";
import { createGitHubFetch } from "../../../src/app/github/fetch.js";
import { backoffMs, isTransient, RetryLater, retryAfterMs, retryDelayMs, retrySettingsFromEnv } from "../../../src/app/jobs/retry-policy.js";
import { scrubSecrets } from "../../../src/app/log-scrub.js";
import { createLogger } from "../../../src/app/logger.js";
import { createMetrics } from "../../../src/app/metrics/metrics.js";
import { routeOf } from "../../../src/app/metrics/route.js";

async function serve(handlers: HttpHandler[]): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    for (const h of handlers) if (await h(req, res)) return;
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}

describe("routes as metric labels", () => {
  it.each([
    ["GET", "http://127.0.0.1:1/api/v3/repos/acme/web/pulls/12/files?per_page=100&page=2", "GET /repos/{owner}/{repo}/pulls/{id}/files"],
    ["GET", "https://api.github.com/repos/acme/web/contents/.github%2Fdockaudit.yml", "GET /repos/{owner}/{repo}/contents/{path}"],
    ["GET", "https://api.github.com/repos/acme/web/contents/deep/dir/Dockerfile?ref=abc", "GET /repos/{owner}/{repo}/contents/{path}"],
    ["GET", "https://api.github.com/repos/acme/web/git/trees/0123456789abcdef0123456789abcdef01234567?recursive=1", "GET /repos/{owner}/{repo}/git/trees/{sha}"],
    ["GET", "https://api.github.com/repos/acme/web/git/blobs/deadbeef", "GET /repos/{owner}/{repo}/git/blobs/{sha}"],
    ["GET", "https://api.github.com/repos/acme/web/commits/main/check-runs", "GET /repos/{owner}/{repo}/commits/{ref}/check-runs"],
    ["PATCH", "https://api.github.com/repos/acme/web/check-runs/991", "PATCH /repos/{owner}/{repo}/check-runs/{id}"],
    ["GET", "https://api.github.com/repos/acme/web/collaborators/octocat/permission", "GET /repos/{owner}/{repo}/collaborators/{username}/permission"],
    ["POST", "https://api.github.com/app/installations/42/access_tokens", "POST /app/installations/{id}/access_tokens"],
    ["POST", "http://h/api/graphql", "POST /graphql"],
  ])("%s %s → %s", (method, url, route) => {
    expect(routeOf(method, url)).toBe(route);
  });
});

describe("GET /healthz, /readyz and /metrics", () => {
  it("answers liveness without asking anything else", async () => {
    const s = await serve([healthHandler(() => ({ queue: { pending: 0 } }))]);
    const res = await fetch(`${s.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", queue: { pending: 0 } });
    expect((await fetch(`${s.url}/healthz`, { method: "POST" })).status).toBe(404);
    await s.close();
  });

  it("is ready without Redis, ready with a Redis that answers, and 503 with one that does not", async () => {
    let redisUp = true;
    const s = await serve([readyHandler(null)]);
    expect(await (await fetch(`${s.url}/readyz`)).json()).toEqual({ status: "ready", redis: "not configured" });
    await s.close();
    const r = await serve([readyHandler(async () => (redisUp ? { ok: true } : { ok: false, error: "connect ECONNREFUSED 127.0.0.1:6379" }))]);
    expect((await fetch(`${r.url}/readyz`)).status).toBe(200);
    redisUp = false;
    const down = await fetch(`${r.url}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "not ready", redis: "connect ECONNREFUSED 127.0.0.1:6379" });
    await r.close();
  });

  it("exports every metric in Prometheus text format", async () => {
    const m = createMetrics({ defaultMetrics: false });
    m.webhook("pull_request", "synchronize");
    m.webhook("pull_request", "synchronize");
    m.webhook("issue_comment", "created");
    m.runEnded({ result: "published", durationMs: 3200 });
    m.runEnded({ result: "retry", durationMs: 800 });
    m.githubResponse({ method: "GET", url: "https://api.github.com/repos/a/b/pulls/3/files?page=1" }, 200, new Headers({ "x-ratelimit-remaining": "4321", "x-ratelimit-resource": "core" }));
    m.githubResponse({ method: "POST", url: "https://api.github.com/repos/a/b/check-runs" }, 502, new Headers());
    m.githubResponse({ method: "POST", url: "https://api.github.com/repos/a/b/check-runs" }, 0, null);
    m.watchQueue(() => ({ pending: 3, running: 2, oldestPendingMs: 4500 }));
    const s = await serve([metricsHandler(m.registry)]);
    const res = await fetch(`${s.url}/metrics`);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    await s.close();
    expect(text).toContain('dockaudit_webhooks_received_total{event="pull_request",action="synchronize"} 2');
    expect(text).toContain('dockaudit_webhooks_received_total{event="issue_comment",action="created"} 1');
    expect(text).toContain('dockaudit_runs_total{outcome="published"} 1');
    expect(text).toContain('dockaudit_runs_total{outcome="retry"} 1');
    expect(text).toContain('dockaudit_run_duration_seconds_bucket{le="5",outcome="published"} 1');
    expect(text).toContain('dockaudit_run_duration_seconds_count{outcome="published"} 1');
    expect(text).toContain('dockaudit_github_requests_total{route="GET /repos/{owner}/{repo}/pulls/{id}/files",status="200"} 1');
    expect(text).toContain('dockaudit_github_requests_total{route="POST /repos/{owner}/{repo}/check-runs",status="502"} 1');
    expect(text).toContain('dockaudit_github_requests_total{route="POST /repos/{owner}/{repo}/check-runs",status="0"} 1');
    expect(text).toContain('dockaudit_github_rate_limit_remaining{resource="core"} 4321');
    expect(text).toContain("dockaudit_queue_depth 3");
    expect(text).toContain("dockaudit_queue_running 2");
    expect(text).toContain("dockaudit_queue_oldest_age_seconds 4.5");
    expect(text).toContain("dockaudit_unhandled_rejections_total 0");
  });

  it("reads the queue once per scrape for its three gauges", async () => {
    const m = createMetrics({ defaultMetrics: false });
    let reads = 0;
    m.watchQueue(async () => (reads++, { pending: 1, running: 0, oldestPendingMs: 0 }));
    await m.registry.metrics();
    expect(reads).toBe(1);
    const text = await m.registry.metrics();
    expect(reads).toBe(2);
    expect(text).toContain("dockaudit_queue_depth 1");
    expect(text).toContain("dockaudit_queue_running 0");
  });

  it("still answers a scrape when the queue's numbers do not come (Redis down)", async () => {
    const m = createMetrics({ defaultMetrics: false });
    m.watchQueue(() => new Promise(() => undefined));
    const started = Date.now();
    const text = await m.registry.metrics();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(text).toContain("dockaudit_runs_total");
  });
});

describe("requests to GitHub", () => {
  it("times out a request GitHub does not answer, as a network failure, and reports status 0", async () => {
    const seen: number[] = [];
    const hang = createServer(() => undefined);
    await new Promise<void>((r) => hang.listen(0, "127.0.0.1", r));
    const f = createGitHubFetch({ timeoutMs: 200, onResponse: (_r, status) => seen.push(status) });
    const error = await f(`http://127.0.0.1:${(hang.address() as AddressInfo).port}/repos/a/b`).catch((e: unknown) => e);
    hang.closeAllConnections();
    await new Promise((r) => hang.close(r));
    expect(error).toBeInstanceOf(TypeError);
    expect(String((error as Error & { cause: Error }).cause.message)).toMatch(/did not answer GET within 200 ms/);
    expect(isTransient(error)).toBe(true);
    expect(seen).toEqual([0]);
  });
});

describe("the retry policy", () => {
  it.each([
    [{ status: 502 }, true],
    [{ status: 500 }, true],
    [{ status: 429 }, true],
    [{ status: 403, message: "You have exceeded a secondary rate limit" }, true],
    [{ status: 403, message: "Resource not accessible by integration" }, false],
    [{ status: 404 }, false],
    [{ status: 422 }, false],
    [Object.assign(new Error("x"), { name: "TimeoutError" }), true],
    [Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }), true],
    [new TypeError("Cannot read properties of undefined"), false],
    [new RetryLater("later"), true],
  ])("%j transient: %s", (error, transient) => {
    expect(isTransient(error)).toBe(transient);
  });

  it("backs off exponentially, capped, and reads its settings from the environment", () => {
    const s = { baseDelayMs: 1000, maxDelayMs: 5000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, s))).toEqual([1000, 2000, 4000, 5000, 5000]);
    expect(retrySettingsFromEnv({ DOCKAUDIT_ATTEMPTS: "2", DOCKAUDIT_RETRY_DELAY_MS: "500" })).toMatchObject({ attempts: 2, baseDelayMs: 500 });
    expect(retrySettingsFromEnv({ DOCKAUDIT_ATTEMPTS: "nope" })).toMatchObject({ attempts: 4, baseDelayMs: 15_000 });
  });

  it("never retries a run sooner than GitHub asked (retry-after, or the rate-limit reset)", () => {
    const secondary = { status: 403, message: "secondary rate limit", response: { headers: { "retry-after": "7" } } };
    const exhausted = { status: 403, message: "API rate limit exceeded", response: { headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1100" } } };
    expect(retryAfterMs(secondary)).toBe(7000);
    expect(retryAfterMs(exhausted, 1_000_000)).toBe(100_000);
    expect(retryAfterMs({ status: 502, response: { headers: {} } })).toBeNull();
    const s = { baseDelayMs: 500, maxDelayMs: 60_000 };
    expect(retryDelayMs(1, new RetryLater("limited", { cause: secondary }), s)).toBe(7000);
    expect(retryDelayMs(1, new RetryLater("502", { cause: { status: 502 } }), s)).toBe(500);
  });
});

describe("secrets never reach the logs", () => {
  const KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAv1xYz\nabc123\n-----END RSA PRIVATE KEY-----";

  it("masks keys, tokens, JWTs, authorization headers and URL passwords wherever they are in a line", () => {
    const line = JSON.stringify({
      msg: `boom with Bearer abcdefghijklmnopqrstu and token ghs_16CharactersAndMore1234 in ${KEY}`,
      headers: { Authorization: "token ghp_abcdefghijklmnopqrstuvwxyz012345", Cookie: "session=1" },
      jwt: "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjEyM30.c2lnbmF0dXJlc2lnbmF0dXJl",
      url: "redis://default:hunter2@redis:6379/0",
    });
    const out = scrubSecrets(line);
    expect(out).not.toMatch(/MIIEow|ghs_16|ghp_abc|abcdefghijklmnopqrstu|eyJhbGci|hunter2|session=1/);
    expect(out).toContain("[redacted private key]");
    expect(out).toContain("redis://default:[redacted]@redis:6379/0");
    expect(() => JSON.parse(out)).not.toThrow();
  });

  it("the server's logger redacts an Authorization header and a private key (JSON and pretty)", async () => {
    for (const format of ["json", "pretty"] as const) {
      let text = "";
      const sink = new Writable({ write: (c, _e, done) => ((text += String(c)), done()) });
      const log = await createLogger({ format, level: "info" }, sink);
      log.error({ err: { request: { headers: { Authorization: "token ghs_supersecrettoken12345" } } }, privateKey: KEY, options: { PRIVATE_KEY: KEY } }, "request failed");
      log.info(`key was ${KEY}`);
      log.warn({ headers: { authorization: "Bearer ghs_anothersecrettoken123" } }, "retrying");
      await new Promise((r) => setTimeout(r, 100));
      expect(text).toContain("request failed");
      expect(text).not.toMatch(/ghs_super|ghs_another|MIIEow|BEGIN RSA PRIVATE KEY/);
    }
  });
});
