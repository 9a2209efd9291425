import nock from "nock";
import { GitHubMock } from "./support/github-mock.js";
import { pullRequestPayload } from "./support/payloads.js";
import { createTestApp } from "./support/probot.js";

const BASE = "b".repeat(40);
const HEAD = "d".repeat(40);

afterEach(() => nock.cleanAll());

// A PR that moves a Dockerfile and, in the same commit, rewrites a RUN over continuation lines:
// the finding's message (it quotes the instruction as written) changes, its statement does not.
// The base is fingerprinted at the head path, so the finding is matched as existing, not new.
describe("a Dockerfile moved and reformatted in one PR", () => {
  const before = ["FROM node:20", "RUN BAD one && make", ""].join("\n");
  const after = ["FROM node:20", "RUN BAD one \\", "    && make", ""].join("\n");

  it("calls nothing new and posts no review", async () => {
    const app = await createTestApp();
    const gh = new GitHubMock();
    gh.pull({ number: 2, head: HEAD, base: BASE })
      .config(null)
      .checkCreate()
      .files(2, [{ filename: "docker/Dockerfile", previous_filename: "Dockerfile", status: "renamed", before, after }])
      .tree(HEAD, { "docker/Dockerfile": after })
      .blobs([after])
      .contentAt("Dockerfile", BASE, before)
      .reviewComments(2, [])
      .checkUpdates();
    await app.receive("pull_request", pullRequestPayload("synchronize", { number: 2, head: HEAD, base: BASE }));
    gh.assertDone();
    expect(gh.count("pulls/create-review")).toBe(0);
    expect(app.outcomes[0]).toMatchObject({ result: "published", findings: { new: 0, fixed: 0, remaining: 1 } });
  });
});

// GitHub can report a new file as a copy of one the PR leaves in place.
describe("a Dockerfile copied to a new path", () => {
  const original = ["FROM node:20", "RUN BAD one", ""].join("\n");

  it("counts the copy's findings as new and fixes nothing: the original is still there", async () => {
    const app = await createTestApp();
    const gh = new GitHubMock();
    gh.pull({ number: 2, head: HEAD, base: BASE })
      .config(null)
      .checkCreate()
      .files(2, [{ filename: "copy/Dockerfile", previous_filename: "Dockerfile", status: "copied", before: "", after: original }])
      .tree(HEAD, { Dockerfile: original, "copy/Dockerfile": original })
      .blobs([original])
      .reviewComments(2, [])
      .createReview(2)
      .checkUpdates();
    await app.receive("pull_request", pullRequestPayload("synchronize", { number: 2, head: HEAD, base: BASE }));
    gh.assertDone();
    expect(app.outcomes[0]).toMatchObject({ result: "published", findings: { new: 1, fixed: 0 } });
  });
});
