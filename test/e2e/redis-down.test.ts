import type { GitHubDouble } from "../support/github-double.js";
import { pullRequestPayload, OWNER, REPO } from "../app/support/payloads.js";
import { startAppWithDouble, stopAppWithDouble } from "./app-env.js";
import { freePort, type RunningServer } from "./server.js";
import { sendWebhook } from "./webhook.js";

/**
 * A replica whose Redis is unreachable (REDIS_URL to a port nobody listens on; no Redis needed):
 * it stays alive, says it is not ready, refuses webhooks with a 5xx (GitHub marks the delivery
 * failed, to be redelivered) and calls no API.
 */
const SECRET = "redis-down-secret";
let double: GitHubDouble;
let server: RunningServer;

beforeAll(async () => {
  ({ double, server } = await startAppWithDouble(SECRET, { REDIS_URL: `redis://127.0.0.1:${await freePort()}`, DOCKAUDIT_REDIS_PREFIX: "redis-down" }));
}, 60_000);

afterAll(() => stopAppWithDouble({ double, server }));

describe("a replica whose Redis is down", () => {
  it("is alive but not ready, and refuses webhooks without touching GitHub", async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: "not ready", redis: expect.any(String) });
    const pull = double.openPull(OWNER, REPO, { number: 1, base: { Dockerfile: "FROM a\n" }, head: { Dockerfile: "FROM b\n" } });
    const res = await sendWebhook(server.url, "pull_request", pullRequestPayload("opened", { number: 1, head: pull.head, base: pull.base }), SECRET);
    expect(res.status).toBeGreaterThanOrEqual(500);
    const metrics = await fetch(`${server.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain("dockaudit_webhooks_received_total");
    expect(double.requests).toEqual([]);
  }, 30_000);
});
