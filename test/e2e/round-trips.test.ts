import type { Files, GitHubDouble, LoggedRequest } from "../support/github-double.js";
import { pullRequestPayload, OWNER } from "../app/support/payloads.js";
import { prFiles, startAppWithDouble, stopAppWithDouble } from "./app-env.js";
import type { RunningServer } from "./server.js";
import { sendWebhook } from "./webhook.js";

/**
 * Issue 5's round trips: reads that do not depend on each other go out together (the config, the
 * file list and the head tree; the re-read of the head beside the audit), writes one at a time,
 * and the re-read still answered before anything is published.
 */
const SECRET = "round-trips-secret";
const LATENCY = 150;
// Timer and clock granularity: an answer delayed by LATENCY can arrive a millisecond "early".
const SLACK = 5;

let double: GitHubDouble;
let server: RunningServer;
let repos = 0;

beforeAll(async () => {
  ({ double, server } = await startAppWithDouble(SECRET));
}, 60_000);

afterAll(() => stopAppWithDouble({ double, server }));

afterEach(() => {
  double.latencyMs = 0;
  double.fault = null;
});

/** Opens a PR in a repository of its own and delivers its `opened` webhook. */
async function open(files: { base: Files; head: Files }, opts: { draft?: boolean; config?: string } = {}) {
  const name = `round-trips-${++repos}`;
  const pull = double.openPull(OWNER, name, { number: 1, ...files, draft: opts.draft });
  const repo = double.repo(OWNER, name);
  if (opts.config) repo.config = opts.config;
  const payload = pullRequestPayload("opened", { number: 1, head: pull.head, base: pull.base, draft: opts.draft });
  Object.assign(payload.repository, { name, full_name: `${OWNER}/${name}` });
  const res = await sendWebhook(server.url, "pull_request", payload, SECRET);
  expect(res.status).toBe(200);
  const mine = () => double.requests.filter((r) => r.path.startsWith(`/repos/${OWNER}/${name}/`));
  const logLine = () => server.output().split("\n").find((l) => l.includes(`"repo":"${OWNER}/${name}"`) && l.includes('"msg":"dockaudit run"'));
  const ended = async () => {
    await double.waitFor(() => !!logLine(), 20_000, "the run's log line");
    return JSON.parse(logLine()!) as { result: string };
  };
  return { head: pull.head, repo, name, mine, ended };
}

const isConfig = (r: LoggedRequest) => decodeURIComponent(r.path).endsWith("/contents/.github/dockaudit.yml");
const isList = (r: LoggedRequest) => r.route.endsWith("/pulls/{pull_number}/files");
const isTree = (r: LoggedRequest) => r.route.includes("/git/trees/");
const isReread = (r: LoggedRequest) => r.method === "GET" && r.route.endsWith("/pulls/{pull_number}");
const isWrite = (r: LoggedRequest) => r.method !== "GET";
const only = (requests: LoggedRequest[], pred: (r: LoggedRequest) => boolean) => {
  const found = requests.filter(pred);
  expect(found).toHaveLength(1);
  return found[0];
};

describe("round trips of a pull-request run (real server, GitHub double answering slowly)", () => {
  it("sends the config read, the file list and the head tree together, then writes one at a time", async () => {
    double.latencyMs = LATENCY;
    const run = await open(prFiles(1, 1));
    await run.ended();
    const requests = run.mine();
    const firstWave = [only(requests, isConfig), only(requests, isList), only(requests, isTree)];
    const sent = firstWave.map((r) => r.at);
    // Each was sent before any of the others was answered.
    expect(Math.max(...sent) - Math.min(...sent)).toBeLessThan(LATENCY - SLACK);
    const writes = requests.filter(isWrite);
    expect(writes.map((w) => w.route)).toEqual([
      "POST /repos/{owner}/{repo}/check-runs",
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
      "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
    ]);
    // The check opens once the config is known to be valid.
    expect(writes[0].at).toBeGreaterThanOrEqual(firstWave[0].at + LATENCY - SLACK);
    for (let i = 1; i < writes.length; i++) expect(writes[i].at).toBeGreaterThanOrEqual(writes[i - 1].at + LATENCY - SLACK);
    const reread = only(requests, isReread);
    expect(writes[1].at).toBeGreaterThanOrEqual(reread.at + LATENCY - SLACK);
    expect(run.repo.checkRuns[0]).toMatchObject({ status: "completed", conclusion: "failure" });
  }, 30_000);

  it("publishes nothing when the head moved by the time the re-read, sent beside the audit, is answered", async () => {
    const run = await open(prFiles(2, 1));
    let rereads = 0;
    // The re-read is answered late, and the push lands while it waits.
    double.fault = (req) =>
      req.method === "GET" && req.path === `/repos/${OWNER}/${run.name}/pulls/1` && rereads++ === 0
        ? { delayMs: 400, before: () => void double.push(OWNER, run.name, 1, prFiles(2, 3).head) }
        : null;
    expect((await run.ended()).result).toBe("superseded");
    expect(run.repo.pulls.get(1)!.head).not.toBe(run.head);
    expect(run.repo.checkRuns).toHaveLength(1);
    expect(run.repo.checkRuns[0]).toMatchObject({ head_sha: run.head, status: "completed", conclusion: "neutral", output: { title: "Superseded by a newer commit" } });
    expect(run.repo.checkRuns[0].annotations).toEqual([]);
    expect(run.repo.reviews).toEqual([]);
    const requests = run.mine();
    const reread = only(requests, isReread);
    for (const w of requests.filter(isWrite).slice(1)) expect(w.at).toBeGreaterThanOrEqual(reread.at + 400 - SLACK);
  }, 30_000);

  it("skips a draft after reading only its config", async () => {
    const run = await open(prFiles(3, 1), { draft: true });
    expect((await run.ended()).result).toBe("skipped");
    expect(run.mine().filter((r) => isList(r) || isTree(r) || isWrite(r))).toEqual([]);
  }, 30_000);

  it("answers an invalid config with one completed failing check, never one in progress first", async () => {
    const run = await open(prFiles(4, 1), { config: "fail_on: sometimes\n" });
    expect((await run.ended()).result).toBe("config-error");
    const writes = run.mine().filter(isWrite);
    expect(writes).toHaveLength(1);
    expect(writes[0].body).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(run.repo.checkRuns).toHaveLength(1);
  }, 30_000);

  it("completes a PR with no Docker file neutral, its tree read beside the list within the request budget", async () => {
    const run = await open({ base: { "README.md": "a\n" }, head: { "README.md": "b\n" } });
    expect((await run.ended()).result).toBe("no-docker");
    expect(run.repo.checkRuns[0]).toMatchObject({ status: "completed", conclusion: "neutral", output: { title: "No Docker files changed" } });
    // One write: the check is created completed, never opened in progress.
    expect(run.mine().filter(isWrite)).toHaveLength(1);
    // 6 + ⌈1 changed file / 100⌉, no annotation, no content read.
    expect(run.mine().length).toBeLessThanOrEqual(7);
    expect(run.mine().filter((r) => r.route.includes("/git/blobs/") || (r.route.endsWith("/contents/{path}") && !isConfig(r)))).toEqual([]);
  }, 30_000);
});
