import { GitHubDouble } from "./github-double.js";

let double: GitHubDouble;
beforeEach(async () => {
  double = await new GitHubDouble().listen();
});
afterEach(() => double.close());

const api = (path: string, init?: RequestInit) => fetch(`${double.url}/api/v3${path}`, { ...init, headers: { "content-type": "application/json", ...(init?.headers ?? {}) } });

describe("the GitHub double", () => {
  it("lists a PR's files 100 a page with GitHub's Link header, patches included", async () => {
    const base: Record<string, string> = {};
    const head: Record<string, string> = {};
    for (let i = 0; i < 250; i++) head[`f${i}.txt`] = `${i}\n`;
    double.openPull("o", "r", { number: 1, base, head });
    const first = await api("/repos/o/r/pulls/1/files?per_page=100");
    expect((await first.json()).length).toBe(100);
    expect(first.headers.get("link")).toContain("page=2");
    const last = await api("/repos/o/r/pulls/1/files?per_page=100&page=3");
    const files = await last.json();
    expect(files).toHaveLength(50);
    expect(files[0]).toMatchObject({ status: "added", patch: expect.stringMatching(/^@@ -0,0 \+1 @@/) });
    expect(last.headers.get("link")).toBeNull();
  });

  it("rejects a review comment outside the diff with GitHub's 422, and logs every request by route", async () => {
    const pull = double.openPull("o", "r", { number: 2, base: { Dockerfile: "FROM a\nRUN x\nRUN y\nRUN z\nRUN w\n" }, head: { Dockerfile: "FROM b\nRUN x\nRUN y\nRUN z\nRUN w\n" } });
    const bad = await api("/repos/o/r/pulls/2/reviews", { method: "POST", body: JSON.stringify({ commit_id: pull.head, event: "COMMENT", body: "b", comments: [{ path: "Dockerfile", line: 5, side: "RIGHT", body: "x" }] }) });
    expect(bad.status).toBe(422);
    const good = await api("/repos/o/r/pulls/2/reviews", { method: "POST", body: JSON.stringify({ commit_id: pull.head, event: "COMMENT", body: "b", comments: [{ path: "Dockerfile", line: 1, side: "RIGHT", body: "x" }] }) });
    expect(good.status).toBe(200);
    expect(double.repo("o", "r").reviewComments).toHaveLength(1);
    expect(double.countByRoute()).toEqual({ "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews": 2 });
    expect(double.problems).toEqual([]);
  });

  it("answers with an injected fault, after the configured latency", async () => {
    double.openPull("o", "r", { number: 3, base: {}, head: { a: "1" } });
    double.latencyMs = 50;
    double.fault = ({ route }) => (route.startsWith("GET /repos/{owner}/{repo}/pulls/{pull_number}") ? { status: 502 } : null);
    const started = Date.now();
    const res = await api("/repos/o/r/pulls/3");
    expect(res.status).toBe(502);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(double.requests.at(-1)).toMatchObject({ status: 502, route: "GET /repos/{owner}/{repo}/pulls/{pull_number}" });
  });

  it("validates request bodies against GitHub's OpenAPI description", async () => {
    double.addRepo("o", "r");
    await api("/repos/o/r/check-runs", { method: "POST", body: JSON.stringify({ name: "x", head_sha: "a", conclusion: "passed" }) });
    expect(double.problems.join()).toMatch(/conclusion.*allowed values/);
  });
});
