import nock from "nock";
import { maskSecret } from "../../src/engine/index.js";
import { GitHubMock } from "./support/github-mock.js";
import { pullRequestEditedPayload, pullRequestPayload } from "./support/payloads.js";
import { createTestApp, type TestApp } from "./support/probot.js";

const BASE = "b".repeat(40);
const HEAD = "a".repeat(40);
const SECRET = "hunter2secret";

const dockerfile = ["FROM node:latest", "RUN BAD one", `ENV PASSWORD=${SECRET}`, "# FILELEVEL", 'CMD ["node"]', ""].join("\n");

let app: TestApp;
let gh: GitHubMock;

beforeEach(async () => {
  app = await createTestApp();
  gh = new GitHubMock();
});

afterEach(() => {
  nock.cleanAll();
});

function everythingSent(): string {
  return JSON.stringify(gh.sent.map((s) => s.body)) + JSON.stringify(app.logs);
}

describe("pull_request.opened with findings", () => {
  beforeEach(async () => {
    gh.pull({ number: 1, head: HEAD, base: BASE })
      .config(null)
      .checkCreate()
      .files(1, [{ filename: "Dockerfile", status: "added", after: dockerfile }])
      .tree(HEAD, { Dockerfile: dockerfile, "README.md": "hi" })
      .blobs([dockerfile])
      .createReview(1)
      .checkUpdates();
    await app.receive("pull_request", pullRequestPayload("opened", { number: 1, head: HEAD, base: BASE }));
  });

  it("calls exactly the mocked routes with bodies valid against GitHub's OpenAPI description", () => {
    gh.assertDone();
    expect(app.outcomes).toMatchObject([{ result: "published", conclusion: "failure", comments: 3, annotations: 4 }]);
  });

  it("creates the check in progress on the head, with the PR number as external_id", () => {
    const [create] = gh.bodies("checks/create");
    expect(create).toMatchObject({ name: "dockaudit", head_sha: HEAD, status: "in_progress", external_id: "1" });
  });

  it("posts one COMMENT review on the audited head with a comment per commentable finding", () => {
    const [review] = gh.bodies("pulls/create-review");
    expect(review).toMatchObject({ event: "COMMENT", commit_id: HEAD });
    expect(review.comments.map((c: any) => [c.path, c.line, c.side])).toEqual([
      ["Dockerfile", 2, "RIGHT"],
      ["Dockerfile", 3, "RIGHT"],
      ["Dockerfile", 1, "RIGHT"],
    ]);
    for (const c of review.comments) expect(c.body).toMatch(/<!-- dockaudit:fp=[0-9a-f]+ -->/);
  });

  it("carries a suggestion block when the fix edits only the commented lines", () => {
    const [review] = gh.bodies("pulls/create-review");
    const latest = review.comments.find((c: any) => c.body.includes("t-latest"));
    expect(latest.body).toContain("```suggestion\nFROM node:1.0\n```");
    expect(latest.body).toContain("**Why:** Tags should be pinned.");
    expect(latest.body).toContain("[Rule documentation](");
  });

  it("masks the secret in comments, annotations, summary and logs", () => {
    expect(everythingSent()).not.toContain(SECRET);
    expect(JSON.stringify(gh.bodies("pulls/create-review"))).toContain(maskSecret(SECRET));
  });

  it("completes the check with a conclusion, grades in the title, the file-level finding in the summary", () => {
    const [done] = gh.bodies("checks/update");
    expect(done).toMatchObject({ status: "completed", conclusion: "failure", actions: [{ identifier: "rerun", label: "Re-run" }] });
    expect(done.output.title).toMatch(/^Security [A-F][+]? .* · Reliability .* · Efficiency .* · Maintainability /);
    expect(done.output.summary).toContain("Not commented inline (1)");
    expect(done.output.summary).toContain("t-file");
    expect(done.output.annotations).toHaveLength(4);
    expect(done.output.annotations.find((a: any) => a.title.startsWith("t-file"))).toMatchObject({ start_line: 1, end_line: 1, annotation_level: "notice" });
  });

  it("logs one line for the run with repo, PR, head, duration, counts and API calls", () => {
    const lines = app.logs.filter((l) => l.msg === "dockaudit run");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ repo: "Codertocat/Hello-World", pr: 1, head: HEAD, result: "published", findings: { new: 4, fixed: 0, remaining: 4 }, comments: 3, annotations: 4 });
    expect(lines[0].apiCalls).toBeGreaterThanOrEqual(8);
    expect(lines[0].apiCallsByKind["POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews"]).toBe(1);
  });
});

describe("pull_request.edited", () => {
  it("re-audits a PR retargeted to another base branch: its diff, and so its findings, are new", async () => {
    gh.config(null)
      .checkCreate()
      .files(1, [{ filename: "Dockerfile", status: "added", after: dockerfile }])
      .tree(HEAD, { Dockerfile: dockerfile })
      .blobs([dockerfile])
      .pull({ number: 1, head: HEAD, base: BASE })
      .reviewComments(1, [])
      .createReview(1)
      .checkUpdates();
    await app.receive("pull_request", pullRequestEditedPayload({ number: 1, head: HEAD, base: BASE }, { baseFrom: "develop" }));
    gh.assertDone();
    expect(app.outcomes).toMatchObject([{ trigger: "pull_request.edited", result: "published" }]);
  });

  it("ignores an edit of the title or description", async () => {
    await app.receive("pull_request", pullRequestEditedPayload({ number: 1, head: HEAD, base: BASE }, { titleFrom: "old title" }));
    expect(app.outcomes).toEqual([]);
    expect(gh.sent.filter((s) => s.op !== "apps/create-installation-access-token")).toEqual([]);
  });
});
