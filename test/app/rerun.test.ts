import nock from "nock";
import { GitHubMock } from "./support/github-mock.js";
import { checkRunPayload, checkSuitePayload, commentPayload, pullRequestPayload, reviewCommentPayload } from "./support/payloads.js";
import { createTestApp, type TestApp } from "./support/probot.js";

const BASE = "b".repeat(40);
const HEAD = "1".repeat(40);
const file = "FROM node:latest\n";

let app: TestApp;
let gh: GitHubMock;
beforeEach(async () => {
  app = await createTestApp();
  gh = new GitHubMock();
});
afterEach(() => nock.cleanAll());

/** A full run on PR #4 whose finding was already commented: no new review, a completed check. */
function mockRun(pr = 4) {
  gh.pull({ number: pr, head: HEAD, base: BASE }, 2)
    .config(null)
    .checkCreate()
    .files(pr, [{ filename: "Dockerfile", status: "added", after: file }])
    .tree(HEAD, { Dockerfile: file })
    .blobs([file])
    .reviewComments(pr, [])
    .createReview(pr)
    .checkUpdates();
}

describe("re-runs", () => {
  it("by the Re-run button (check_run.rerequested)", async () => {
    mockRun();
    await app.receive("check_run", checkRunPayload("rerequested", { head: HEAD, pulls: [4], externalId: "4" }));
    gh.assertDone();
    expect(app.outcomes).toMatchObject([{ trigger: "check_run.rerequested", result: "published" }]);
  });

  it("on a fork PR, where pull_requests is empty: the PR number comes from external_id", async () => {
    mockRun();
    await app.receive("check_run", checkRunPayload("rerequested", { head: HEAD, pulls: [], externalId: "4" }));
    gh.assertDone();
    expect(gh.bodies("checks/create")[0]).toMatchObject({ external_id: "4", head_sha: HEAD });
  });

  it("on an older commit of the PR: completes that commit's run as superseded and audits the head, saying so", async () => {
    // GitHub lists no PR for a commit that no longer heads one; the run's external_id names it.
    const OLD = "0a".repeat(20);
    mockRun();
    gh.checkUpdates(4);
    await app.receive("check_run", checkRunPayload("rerequested", { head: OLD, pulls: [], externalId: "4" }));
    gh.assertDone();
    const updates = gh.sent.filter((s) => s.op === "checks/update");
    const old = updates.filter((s) => s.path.endsWith("/check-runs/4")).map((s) => s.body);
    expect(old).toEqual([expect.objectContaining({ status: "completed", conclusion: "neutral" })]);
    expect(old[0].output.summary).toContain(`\`${HEAD.slice(0, 7)}\``);
    expect(gh.bodies("checks/create")[0]).toMatchObject({ head_sha: HEAD });
    const done = updates.filter((s) => s.path.endsWith("/check-runs/7")).at(-1)!.body;
    expect(done.output.summary).toContain(`Re-run was asked for \`${OLD.slice(0, 7)}\`, which is no longer this pull request's head`);
    expect(app.outcomes).toMatchObject([{ result: "published", headSha: HEAD }]);
  });

  it("on an older commit, when reading the PR fails while a push replaces the run: the push's run answers that commit's check", async () => {
    const OLD = "0a".repeat(20);
    // The re-run's PR read fails, and a push arrives while it is on its way.
    gh.scope.get("/repos/Codertocat/Hello-World/pulls/4").reply((_uri, _body, done) => {
      void app.probot.receive({ id: "push", name: "pull_request", payload: pullRequestPayload("synchronize", { number: 4, head: HEAD, base: BASE }) } as never).then(() => done(null, [404, { message: "Not Found" }]));
    });
    gh.pull({ number: 4, head: HEAD, base: BASE })
      .config(null)
      .checkCreate()
      .files(4, [{ filename: "Dockerfile", status: "added", after: file }])
      .tree(HEAD, { Dockerfile: file })
      .blobs([file])
      .reviewComments(4, [])
      .createReview(4)
      .checkUpdates()
      .checkUpdates(4);
    await app.receive("check_run", checkRunPayload("rerequested", { head: OLD, pulls: [], externalId: "4" }));
    await app.dockaudit.idle();
    gh.assertDone();
    const old = gh.sent.filter((s) => s.op === "checks/update" && s.path.endsWith("/check-runs/4")).map((s) => s.body);
    expect(old).toEqual([expect.objectContaining({ conclusion: "neutral", output: expect.objectContaining({ title: "Superseded by a newer commit" }) })]);
    expect(app.outcomes.map((o) => [o.trigger, o.result])).toEqual([["check_run.rerequested", "failed"], ["pull_request.synchronize", "published"]]);
    expect(app.logs.find((l) => l.msg?.includes("re-run") && l.checkRuns)).toMatchObject({ checkRuns: [4] });
  });

  it("on the head's own run: no other run is touched", async () => {
    mockRun();
    await app.receive("check_run", checkRunPayload("rerequested", { head: HEAD, pulls: [4], externalId: "4" }));
    gh.assertDone();
    expect(gh.sent.filter((s) => s.op === "checks/update" && !s.path.endsWith("/check-runs/7"))).toEqual([]);
    expect(gh.bodies("checks/update").at(-1).output.summary).not.toContain("Re-run was asked");
  });

  it("re-audits the PR the run was made for when its commit heads several PRs", async () => {
    mockRun(9);
    await app.receive("check_run", checkRunPayload("rerequested", { head: HEAD, pulls: [4, 9], externalId: "9" }));
    gh.assertDone();
    expect(app.outcomes).toMatchObject([{ key: "Codertocat/Hello-World#9", result: "published" }]);
  });

  it("by the check's action button (check_run.requested_action)", async () => {
    mockRun();
    await app.receive("check_run", checkRunPayload("requested_action", { head: HEAD, pulls: [4], externalId: "4", identifier: "rerun" }));
    gh.assertDone();
    expect(app.outcomes).toMatchObject([{ trigger: "check_run.requested_action" }]);
  });

  it("ignores other apps' checks and unknown actions", async () => {
    await app.receive("check_run", checkRunPayload("rerequested", { head: HEAD, pulls: [4], externalId: "4", name: "ci" }));
    await app.receive("check_run", checkRunPayload("requested_action", { head: HEAD, pulls: [4], externalId: "4", identifier: "other" }));
    expect(app.outcomes).toEqual([]);
    expect(gh.sent).toEqual([]);
  });

  it("by 'Re-run all checks' on a fork PR's suite: the PR is found through our earlier run's external_id", async () => {
    gh.listForSuite(555, ["4"]);
    mockRun();
    await app.receive("check_suite", checkSuitePayload({ id: 555, head: HEAD, pulls: [] }));
    gh.assertDone();
    expect(app.outcomes).toMatchObject([{ trigger: "check_suite.rerequested", result: "published" }]);
  });

  it("by 'Re-run all checks' on an older commit's suite: the PR's newest run there completes as superseded, the head is audited", async () => {
    // A suite lists no PR once its commit no longer heads one: the PR comes from our runs there.
    const OLD = "0a".repeat(20);
    gh.listForSuite(555, ["4", "4"], OLD);
    mockRun();
    gh.checkUpdates(101);
    await app.receive("check_suite", checkSuitePayload({ id: 555, head: OLD, pulls: [] }));
    gh.assertDone();
    const old = gh.sent.filter((s) => s.op === "checks/update" && s.path.endsWith("/check-runs/101")).map((s) => s.body);
    expect(old).toEqual([expect.objectContaining({ conclusion: "neutral", output: expect.objectContaining({ title: "Superseded by a newer commit" }) })]);
    expect(gh.sent.some((s) => s.path.endsWith("/check-runs/100"))).toBe(false);
    expect(app.outcomes).toMatchObject([{ trigger: "check_suite.rerequested", result: "published", headSha: HEAD }]);
  });

  it("by 'Re-run all checks' on a suite whose commit heads two fork PRs: both are audited again", async () => {
    gh.listForSuite(555, ["4", "9"]);
    mockRun(4);
    mockRun(9);
    await app.receive("check_suite", checkSuitePayload({ id: 555, head: HEAD, pulls: [] }));
    gh.assertDone();
    expect(app.outcomes.map((o) => o.key).sort()).toEqual(["Codertocat/Hello-World#4", "Codertocat/Hello-World#9"]);
  });
});

describe("redelivery", () => {
  it("runs a webhook delivered twice (same X-GitHub-Delivery) once", async () => {
    mockRun();
    const payload = checkRunPayload("rerequested", { head: HEAD, pulls: [4], externalId: "4" });
    await app.probot.receive({ id: "same-delivery", name: "check_run", payload } as never);
    await app.dockaudit.idle();
    await app.probot.receive({ id: "same-delivery", name: "check_run", payload } as never);
    await app.dockaudit.idle();
    gh.assertDone();
    expect(app.outcomes).toHaveLength(1);
  });
});

describe("the /dockaudit comment command", () => {
  it("runs for a writer: 👀 first, 🚀 when published", async () => {
    gh.permission("octocat", "write").reaction(900, 2);
    mockRun();
    await app.receive("issue_comment", commentPayload({ pr: 4, body: "/dockaudit recheck", user: "octocat", id: 900 }));
    gh.assertDone();
    const reactions = gh.sent.filter((s) => s.op === "reactions/create-for-issue-comment").map((s) => s.body.content);
    expect(reactions).toEqual(["eyes", "rocket"]);
    expect(app.outcomes).toMatchObject([{ trigger: "comment", result: "published" }]);
  });

  it("is refused for a reader with 😕 and runs nothing", async () => {
    gh.permission("visitor", "read").reaction(901);
    await app.receive("issue_comment", commentPayload({ pr: 4, body: "/dockaudit recheck", user: "visitor", id: 901 }));
    gh.assertDone();
    expect(gh.bodies("reactions/create-for-issue-comment")).toEqual([{ content: "confused" }]);
    expect(app.outcomes).toEqual([]);
  });

  it("answers /dockaudit help with the list of commands", async () => {
    gh.permission("octocat", "admin").issueComment(4).reaction(902);
    await app.receive("issue_comment", commentPayload({ pr: 4, body: "/dockaudit help", user: "octocat", id: 902 }));
    gh.assertDone();
    expect(gh.bodies("issues/create-comment")[0].body).toContain("/dockaudit recheck");
  });

  it("ignores bots and comments without a command", async () => {
    await app.receive("issue_comment", commentPayload({ pr: 4, body: "/dockaudit recheck", user: "renovate[bot]", id: 903, bot: true }));
    await app.receive("issue_comment", commentPayload({ pr: 4, body: "looks good, no /dockaudit here", user: "octocat", id: 904 }));
    expect(gh.sent.filter((s) => s.op !== null && s.op !== "apps/create-installation-access-token")).toEqual([]);
    nock.cleanAll();
  });

  it("answers politely on a closed pull request and runs nothing", async () => {
    gh.permission("octocat", "write").reaction(905, 2).pull({ number: 4, head: HEAD, base: BASE, state: "closed" }).issueComment(4);
    await app.receive("issue_comment", commentPayload({ pr: 4, body: "/dockaudit recheck", user: "octocat", id: 905 }));
    gh.assertDone();
    expect(gh.bodies("reactions/create-for-issue-comment").map((b) => b.content)).toEqual(["eyes", "confused"]);
    expect(gh.bodies("issues/create-comment")[0].body).toContain("closed");
  });
});

describe("the /dockaudit command in a review thread", () => {
  it("runs for a writer, reacting on the review comment: 👀 first, 🚀 when published", async () => {
    gh.permission("octocat", "write").reviewCommentReaction(910, 2);
    mockRun();
    await app.receive("pull_request_review_comment", reviewCommentPayload({ pr: 4, body: "/dockaudit recheck", user: "octocat", id: 910 }));
    gh.assertDone();
    expect(gh.bodies("reactions/create-for-pull-request-review-comment").map((b) => b.content)).toEqual(["eyes", "rocket"]);
    expect(app.outcomes).toMatchObject([{ trigger: "comment", result: "published" }]);
  });

  it("is refused for a reader with 😕, and ignores bots", async () => {
    gh.permission("visitor", "read").reviewCommentReaction(911);
    await app.receive("pull_request_review_comment", reviewCommentPayload({ pr: 4, body: "/dockaudit recheck", user: "visitor", id: 911 }));
    await app.receive("pull_request_review_comment", reviewCommentPayload({ pr: 4, body: "/dockaudit recheck", user: "dockaudit[bot]", id: 912, bot: true }));
    gh.assertDone();
    expect(gh.bodies("reactions/create-for-pull-request-review-comment")).toEqual([{ content: "confused" }]);
    expect(app.outcomes).toEqual([]);
  });
});
