import nock from "nock";
import { audit } from "../../src/engine/index.js";
import { fingerprintMarker } from "../../src/app/review/marker.js";
import { GitHubMock } from "./support/github-mock.js";
import { pullRequestPayload } from "./support/payloads.js";
import { createTestApp, type TestApp } from "./support/probot.js";
import { TEST_RULES } from "./support/test-rules.js";

const BASE = "b".repeat(40);
const HEAD = "d".repeat(40);

const main = ["FROM node:20", "RUN ok", ""].join("\n");
const firstPush = ["FROM node:latest", "RUN BAD one", "RUN ok", ""].join("\n");
const secondPush = ["FROM node:20", "RUN BAD one", "RUN BAD two", "RUN ok", ""].join("\n");

function fingerprints(content: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of audit([{ path: "Dockerfile", content }], TEST_RULES).findings) out[f.message] = f.fingerprint;
  return out;
}

let app: TestApp;
let gh: GitHubMock;
afterEach(() => nock.cleanAll());

describe("synchronize that fixes some findings and adds others", () => {
  const before = fingerprints(firstPush);
  const latestFp = before["Image `node` uses the latest tag."];
  const badOneFp = before["This instruction says BAD (BAD one)."];

  function mockRun(g: GitHubMock, comments: Parameters<GitHubMock["reviewComments"]>[1]) {
    g.pull({ number: 2, head: HEAD, base: BASE })
      .config(null)
      .checkCreate()
      .files(2, [{ filename: "Dockerfile", status: "modified", before: main, after: secondPush }])
      .tree(HEAD, { Dockerfile: secondPush })
      .blobs([secondPush])
      .contentAt("Dockerfile", BASE, main)
      .reviewComments(2, comments)
      .createReview(2)
      .checkUpdates();
  }

  const previous = [
    { id: 11, path: "Dockerfile", line: 1, body: `⚠️ latest ${fingerprintMarker(latestFp)}` },
    { id: 12, path: "Dockerfile", line: 2, body: `❌ bad one ${fingerprintMarker(badOneFp)}` },
    { id: 13, path: "Dockerfile", line: 2, body: "why?", inReplyTo: 12, bot: false },
  ];

  it("comments only the new finding and resolves the thread of the fixed one", async () => {
    app = await createTestApp();
    gh = new GitHubMock();
    mockRun(gh, previous);
    gh.graphqlThreads([{ id: "PRRT_latest", firstCommentId: 11 }, { id: "PRRT_bad", firstCommentId: 12 }], 1);
    await app.receive("pull_request", pullRequestPayload("synchronize", { number: 2, head: HEAD, base: BASE }));
    gh.assertDone();
    const [review] = gh.bodies("pulls/create-review");
    expect(review.comments).toHaveLength(1);
    expect(review.comments[0]).toMatchObject({ path: "Dockerfile", line: 3 });
    expect(review.comments[0].body).toContain("BAD two");
    const resolved = gh.sent.filter((s) => s.op === "graphql" && s.body.query.includes("resolveReviewThread"));
    expect(resolved.map((s) => s.body.variables.threadId)).toEqual(["PRRT_latest"]);
    expect(app.outcomes[0]).toMatchObject({ result: "published", findings: { new: 2, fixed: 0, remaining: 2 } });
  });

  it("deletes the fixed comment nobody answered when GraphQL is refused", async () => {
    app = await createTestApp();
    gh = new GitHubMock();
    mockRun(gh, previous);
    gh.scope.post("/graphql").reply(200, { errors: [{ type: "FORBIDDEN", message: "Resource not accessible by integration" }] });
    gh.deleteComment(11);
    await app.receive("pull_request", pullRequestPayload("synchronize", { number: 2, head: HEAD, base: BASE }));
    gh.assertDone();
    expect(gh.count("pulls/create-review")).toBe(1);
  });

  it("posts no review at all when every new finding is already commented", async () => {
    app = await createTestApp();
    gh = new GitHubMock();
    const now = fingerprints(secondPush);
    const all = Object.values(now).map((fp, i) => ({ id: 20 + i, path: "Dockerfile", body: fingerprintMarker(fp) }));
    gh.pull({ number: 2, head: HEAD, base: BASE })
      .config(null)
      .checkCreate()
      .files(2, [{ filename: "Dockerfile", status: "modified", before: main, after: secondPush }])
      .tree(HEAD, { Dockerfile: secondPush })
      .blobs([secondPush])
      .contentAt("Dockerfile", BASE, main)
      .reviewComments(2, all)
      .checkUpdates();
    await app.receive("pull_request", pullRequestPayload("synchronize", { number: 2, head: HEAD, base: BASE }));
    gh.assertDone();
    expect(gh.count("pulls/create-review")).toBe(0);
    const [done] = gh.bodies("checks/update");
    expect(done.output.summary).toContain("Commented inline (2)");
  });

  it("counts only its own comments: another bot's, or a user's, quoting a fingerprint silences nothing", async () => {
    app = await createTestApp();
    gh = new GitHubMock();
    const now = fingerprints(secondPush);
    const [first, second] = Object.values(now);
    gh.pull({ number: 2, head: HEAD, base: BASE })
      .config(null)
      .checkCreate()
      .files(2, [{ filename: "Dockerfile", status: "modified", before: main, after: secondPush }])
      .tree(HEAD, { Dockerfile: secondPush })
      .blobs([secondPush])
      .contentAt("Dockerfile", BASE, main)
      .reviewComments(2, [
        { id: 30, path: "Dockerfile", body: `quoted ${fingerprintMarker(first)}`, login: "mirror[bot]" },
        { id: 31, path: "Dockerfile", body: `quoted ${fingerprintMarker(second)}`, bot: false },
      ])
      .createReview(2)
      .checkUpdates();
    await app.receive("pull_request", pullRequestPayload("synchronize", { number: 2, head: HEAD, base: BASE }));
    gh.assertDone();
    const [review] = gh.bodies("pulls/create-review");
    expect(review.comments).toHaveLength(2);
  });
});

describe("synchronize after a force-push that rewrote the commented line", () => {
  // The first push had `RUN BAD one` on line 2; the force-pushed head rewrote the lines around it,
  // so GitHub shows our comment as outdated (its `line` is null) though the finding is still there.
  const rewritten = ["FROM node:20", "# a comment", "RUN  BAD one", "RUN ok", ""].join("\n");
  const badOneFp = fingerprints(rewritten)["This instruction says BAD (BAD one)."];

  it("comments the finding again on its new line and resolves the outdated thread", async () => {
    expect(badOneFp).toBe(fingerprints(firstPush)["This instruction says BAD (BAD one)."]);
    app = await createTestApp();
    gh = new GitHubMock();
    gh.pull({ number: 2, head: HEAD, base: BASE })
      .config(null)
      .checkCreate()
      .files(2, [{ filename: "Dockerfile", status: "modified", before: main, after: rewritten }])
      .tree(HEAD, { Dockerfile: rewritten })
      .blobs([rewritten])
      .contentAt("Dockerfile", BASE, main)
      .reviewComments(2, [{ id: 12, path: "Dockerfile", line: null, body: `❌ bad one ${fingerprintMarker(badOneFp)}` }])
      .createReview(2)
      .graphqlThreads([{ id: "PRRT_bad", firstCommentId: 12 }], 1)
      .checkUpdates();
    await app.receive("pull_request", pullRequestPayload("synchronize", { number: 2, head: HEAD, base: BASE }));
    gh.assertDone();
    const [review] = gh.bodies("pulls/create-review");
    expect(review.comments).toHaveLength(1);
    expect(review.comments[0]).toMatchObject({ path: "Dockerfile", line: 3 });
    expect(review.comments[0].body).toContain(fingerprintMarker(badOneFp));
    const resolved = gh.sent.filter((s) => s.op === "graphql" && s.body.query.includes("resolveReviewThread"));
    expect(resolved.map((s) => s.body.variables.threadId)).toEqual(["PRRT_bad"]);
  });

  it("leaves a comment GitHub still shows (its line moved with the code) alone", async () => {
    app = await createTestApp();
    gh = new GitHubMock();
    gh.pull({ number: 2, head: HEAD, base: BASE })
      .config(null)
      .checkCreate()
      .files(2, [{ filename: "Dockerfile", status: "modified", before: main, after: rewritten }])
      .tree(HEAD, { Dockerfile: rewritten })
      .blobs([rewritten])
      .contentAt("Dockerfile", BASE, main)
      .reviewComments(2, [{ id: 12, path: "Dockerfile", line: 3, body: `❌ bad one ${fingerprintMarker(badOneFp)}` }])
      .checkUpdates();
    await app.receive("pull_request", pullRequestPayload("synchronize", { number: 2, head: HEAD, base: BASE }));
    gh.assertDone();
    expect(gh.count("pulls/create-review")).toBe(0);
  });
});

describe("a PR branched before the base branch moved", () => {
  // main fixed `RUN BAD one` after the branch point; the PR, not rebased, edits another line.
  const branchPoint = ["FROM node:20", "RUN BAD one", "RUN ok", ""].join("\n");
  const mainNow = ["FROM node:20", "RUN fixed on main", "RUN ok", ""].join("\n");
  const head = ["FROM node:20", "RUN BAD one", "RUN ok", "RUN added", ""].join("\n");
  const MERGE_BASE = "a".repeat(40);

  it("judges the PR against the branch point its diff is taken from, not the base branch's tip", async () => {
    app = await createTestApp();
    gh = new GitHubMock();
    gh.pull({ number: 2, head: HEAD, base: BASE })
      .mergeBase(BASE, HEAD, MERGE_BASE)
      .config(null)
      .checkCreate()
      .files(2, [{ filename: "Dockerfile", status: "modified", before: branchPoint, after: head }])
      .tree(HEAD, { Dockerfile: head })
      .blobs([head])
      .contentAt("Dockerfile", MERGE_BASE, branchPoint)
      .reviewComments(2, [])
      .checkUpdates();
    await app.receive("pull_request", pullRequestPayload("synchronize", { number: 2, head: HEAD, base: BASE }));
    gh.assertDone();
    const [done] = gh.bodies("checks/update");
    expect(done.conclusion).toBe("success");
    expect(app.outcomes[0]).toMatchObject({ result: "published", findings: { new: 0, fixed: 0 } });
    expect(mainNow).not.toContain("BAD");
  });
});

describe("a compare GitHub cannot answer", () => {
  it("falls back to the base branch's tip and still publishes", async () => {
    const before = ["FROM node:20", "RUN ok", ""].join("\n");
    const after = ["FROM node:20", "RUN ok", "RUN BAD new", ""].join("\n");
    app = await createTestApp();
    gh = new GitHubMock();
    gh.pull({ number: 2, head: HEAD, base: BASE })
      .mergeBase(BASE, HEAD, { status: 500 })
      .config(null)
      .checkCreate()
      .files(2, [{ filename: "Dockerfile", status: "modified", before, after }])
      .tree(HEAD, { Dockerfile: after })
      .blobs([after])
      .contentAt("Dockerfile", BASE, before)
      .reviewComments(2, [])
      .createReview(2)
      .checkUpdates();
    await app.receive("pull_request", pullRequestPayload("synchronize", { number: 2, head: HEAD, base: BASE }));
    gh.assertDone();
    expect(app.outcomes[0]).toMatchObject({ result: "published", findings: { new: 1 } });
  });
});
