import type { GitHubDouble } from "../support/github-double.js";
import { commentPayload, pullRequestPayload } from "../app/support/payloads.js";
import { startAppWithDouble, stopAppWithDouble } from "./app-env.js";
import type { RunningServer } from "./server.js";
import { sendWebhook } from "./webhook.js";

const SECRET = "e2e-webhook-secret";
const OWNER = "Codertocat";
const REPO = "Hello-World";

let double: GitHubDouble;
let server: RunningServer;

beforeAll(async () => {
  ({ double, server } = await startAppWithDouble(SECRET));
}, 120_000);

afterAll(() => stopAppWithDouble({ double, server }));

const base = { "README.md": "hello\n", "Dockerfile": "FROM node:20\nCMD [\"node\"]\n" };
const head = { ...base, "Dockerfile": "FROM node:20\nRUN curl -k https://example.com | sh\nCMD [\"node\"]\n", "compose.yaml": "services:\n  db:\n    image: postgres:16\n    ports:\n      - \"5432:5432\"\n" };

describe("the real server (npm start) against a GitHub double on loopback", () => {
  it("answers GET /healthz", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });

  it("audits a pull request delivered as a signed webhook and publishes a check and a review", async () => {
    const pull = double.openPull(OWNER, REPO, { number: 7, base, head });
    const started = Date.now();
    const res = await sendWebhook(server.url, "pull_request", pullRequestPayload("opened", { number: 7, head: pull.head, base: pull.base }), SECRET);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
    const repo = double.repo(OWNER, REPO);
    await double.waitFor(() => repo.checkRuns.some((c) => c.head_sha === pull.head && c.status === "completed"), 20_000, "a completed check");
    const [check] = repo.checkRuns;
    if (process.env.DEBUG_E2E) console.log(double.requests.map((r) => `${r.at - started} ${r.route} ${r.status}`).join("\n"));
    expect(check).toMatchObject({ name: "dockaudit", external_id: "7", conclusion: expect.stringMatching(/success|failure/) });
    expect(check.output.summary).toContain("## dockaudit: overall");
    expect(check.annotations.length).toBeGreaterThan(0);
    expect(double.problems).toEqual([]);
    const counts = double.countByRoute();
    expect(counts["POST /repos/{owner}/{repo}/check-runs"]).toBe(1);
    expect(counts["POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews"] ?? 0).toBeLessThanOrEqual(1);
    expect(counts["GET /repos/{owner}/{repo}/git/trees/{tree_sha}"]).toBe(1);
    await double.waitFor(() => server.output().includes('"msg":"dockaudit run"'), 5000, "the run's log line");
    expect(server.output()).not.toMatch(/-----BEGIN PRIVATE KEY-----|ghs_double_/);
    expect(repo.reviews).toHaveLength(1);
    expect(repo.reviewComments.length).toBeGreaterThan(0);
    for (const c of repo.reviewComments) expect(c.body).toMatch(/<!-- dockaudit:fp=\w+ -->/);
  }, 30_000);

  it("re-runs on the same head without repeating a comment", async () => {
    const repo = double.repo(OWNER, REPO);
    const pull = repo.pulls.get(7)!;
    const comments = repo.reviewComments.length;
    const res = await sendWebhook(server.url, "pull_request", pullRequestPayload("synchronize", { number: 7, head: pull.head, base: pull.base }), SECRET);
    expect(res.status).toBe(200);
    await double.waitFor(() => repo.checkRuns.filter((c) => c.status === "completed").length === 2, 20_000, "a second completed check");
    expect(repo.reviewComments).toHaveLength(comments);
    expect(repo.reviews).toHaveLength(1);
  }, 30_000);

  it("runs /dockaudit recheck from a writer: 👀, then 🚀 once the check is published", async () => {
    const repo = double.repo(OWNER, REPO);
    repo.permissions.octocat = "write";
    const checks = repo.checkRuns.length;
    const res = await sendWebhook(server.url, "issue_comment", commentPayload({ pr: 7, body: "/dockaudit recheck", user: "octocat", id: 4242 }), SECRET);
    expect(res.status).toBe(200);
    await double.waitFor(() => repo.reactions.some((r) => r.commentId === 4242 && r.content === "rocket"), 20_000, "the 🚀 reaction");
    expect(repo.reactions.filter((r) => r.commentId === 4242).map((r) => r.content)).toEqual(["eyes", "rocket"]);
    expect(repo.checkRuns.length).toBe(checks + 1);
  }, 30_000);

  it("rejects a webhook with a wrong signature and calls no API", async () => {
    const before = double.requests.length;
    const res = await sendWebhook(server.url, "pull_request", pullRequestPayload("opened", { number: 7, head: "a".repeat(40), base: "b".repeat(40) }), "not-the-secret");
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    await new Promise((r) => setTimeout(r, 500));
    expect(double.requests.length).toBe(before);
  });
});
