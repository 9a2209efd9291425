import nock from "nock";
import { Writable } from "node:stream";
import pino from "pino";
import { findCheckRun } from "../../src/app/github/check-run.js";
import { readAtCommit } from "../../src/app/github/contents.js";
import { loadConfig } from "../../src/app/github/config.js";
import { countRequests } from "../../src/app/github/request-counter.js";
import type { GitHub } from "../../src/app/github/types.js";
import { REDACT_PATHS } from "../../src/app/logger.js";
import { createOctokitClass } from "../../src/app/octokit.js";

const API = "https://api.github.com";

function client(): GitHub {
  const Octokit = createOctokitClass({ writeSpacingMs: 0 });
  return new Octokit({ auth: { token: "ghs_secret_token" }, retry: { enabled: false }, log: { debug() {}, info() {}, warn() {}, error() {} } }) as unknown as GitHub;
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe("the Octokit defaults of the server", () => {
  it("retry a secondary rate limit after the time GitHub asks for (Probot's own default only logs it)", async () => {
    const scope = nock(API)
      .post("/repos/o/r/check-runs")
      .reply(403, { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." }, { "retry-after": "1" })
      .post("/repos/o/r/check-runs")
      .reply(201, { id: 1 });
    const gh = client();
    const counts = countRequests(gh);
    const started = Date.now();
    const { data } = await gh.rest.checks.create({ owner: "o", repo: "r", name: "dockaudit", head_sha: "a".repeat(40) });
    expect(data.id).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(scope.isDone()).toBe(true);
    expect(counts).toEqual({ "POST /repos/{owner}/{repo}/check-runs": 1 });
  });

  it("give up after two retries", async () => {
    nock(API).post("/repos/o/r/check-runs").times(3).reply(403, { message: "secondary rate limit" }, { "retry-after": "0.01" });
    await expect(client().rest.checks.create({ owner: "o", repo: "r", name: "dockaudit", head_sha: "a".repeat(40) })).rejects.toMatchObject({ status: 403 });
  });
});

describe("reading a file at a commit", () => {
  it("goes through the blob API when the contents API leaves out a file over 1 MB", async () => {
    const big = "#".repeat(1_100_000);
    nock(API)
      .get("/repos/o/r/contents/Dockerfile")
      .query({ ref: "abc" })
      .reply(200, { type: "file", encoding: "none", content: "", size: big.length, sha: "blobsha", name: "Dockerfile", path: "Dockerfile" })
      .get("/repos/o/r/git/blobs/blobsha")
      .reply(200, { sha: "blobsha", encoding: "base64", content: Buffer.from(big).toString("base64"), size: big.length });
    expect(await readAtCommit(client(), { owner: "o", repo: "r" }, "Dockerfile", "abc")).toBe(big);
  });

  it("returns null when the file does not exist at that commit", async () => {
    nock(API).get("/repos/o/r/contents/new.yml").query({ ref: "abc" }).reply(404, { message: "Not Found" });
    expect(await readAtCommit(client(), { owner: "o", repo: "r" }, "new.yml", "abc")).toBeNull();
  });
});

describe("finding the check run an earlier attempt opened", () => {
  const head = "a".repeat(40);
  const run = (id: number, externalId: string | null) => ({ id, name: "dockaudit", head_sha: head, external_id: externalId });

  it("takes only ours for this PR: not another PR's on the same commit, nor a CI job named dockaudit", async () => {
    nock(API)
      .get(`/repos/o/r/commits/${head}/check-runs`)
      .query(true)
      .reply(200, { total_count: 3, check_runs: [run(30, "9"), run(20, "4"), run(40, "ci-job-uuid")] });
    expect(await findCheckRun(client(), { owner: "o", repo: "r" }, head, 4)).toBe(20);
  });

  it("finds ours when another PR's run on the same commit is newer, and past the first page", async () => {
    // As GitHub lists them: `filter=latest` (the default) keeps only the newest run of each name
    // in a check suite, and one app has one suite per commit, whichever PR a run is for.
    const runs = [run(20, "4"), ...Array.from({ length: 120 }, (_, i) => run(100 + i, "9"))];
    nock(API)
      .get(`/repos/o/r/commits/${head}/check-runs`)
      .query(true)
      .times(3)
      .reply((uri) => {
        const q = new URL(uri, API).searchParams;
        const listed = q.get("filter") === "all" ? runs : [runs.reduce((a, b) => (b.id > a.id ? b : a))];
        const perPage = Number(q.get("per_page") ?? 30);
        const page = Number(q.get("page") ?? 1);
        const last = Math.ceil(listed.length / perPage);
        const link = page < last ? { link: `<${API}/repos/o/r/commits/${head}/check-runs?filter=all&per_page=${perPage}&page=${page + 1}>; rel="next"` } : {};
        return [200, { total_count: listed.length, check_runs: [...listed].reverse().slice((page - 1) * perPage, page * perPage) }, link];
      });
    expect(await findCheckRun(client(), { owner: "o", repo: "r" }, head, 4)).toBe(20);
  });
});

describe("log redaction", () => {
  it("hides tokens, keys, secrets and authorization headers", () => {
    const lines: string[] = [];
    const log = pino({ redact: { paths: REDACT_PATHS, censor: "[redacted]" } }, new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) }));
    log.info({ token: "ghs_1", privateKey: "-----BEGIN", request: { headers: { authorization: "token ghs_2" } }, err: { request: { headers: { authorization: "bearer x" } } }, secret: "s" }, "x");
    expect(lines.join()).not.toMatch(/ghs_1|ghs_2|BEGIN|bearer x|"secret":"s"/);
    expect(lines.join()).toContain("[redacted]");
  });
});

describe("reading the config", () => {
  it("decodes a raw answer GitHub sends without a charset (Octokit hands it over as bytes)", async () => {
    const path = `/repos/o/r/contents/${encodeURIComponent(".github/dockaudit.yml")}`;
    nock(API).get(path).reply(200, Buffer.from("fail_on: warning\n"), { "content-type": "application/vnd.github.raw" });
    const loaded = await loadConfig(client(), { owner: "o", repo: "r" }, []);
    expect(loaded).toMatchObject({ ok: true, found: true, config: { failOn: "warning" } });
  });

  it("says a directory at the config's path is not a config file", async () => {
    const path = `/repos/o/r/contents/${encodeURIComponent(".github/dockaudit.yml")}`;
    nock(API).get(path).reply(200, [{ type: "file", name: "a.yml" }]);
    const loaded = await loadConfig(client(), { owner: "o", repo: "r" }, []);
    expect(loaded).toEqual({ ok: false, problems: [{ key: "(file)", message: "o/r:.github/dockaudit.yml is a directory or a submodule, not a config file" }] });
  });
});
