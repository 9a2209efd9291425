import nock from "nock";
import { createInProcessQueue } from "../../src/app/jobs/in-process-queue.js";
import { GitHubMock } from "./support/github-mock.js";
import { pullRequestPayload } from "./support/payloads.js";
import { createTestApp } from "./support/probot.js";

// A replica that stops past its shutdown deadline hands its running jobs back to the shared queue
// (src/app/jobs/redis-queue.ts), where another replica resumes them; the run still going on in the
// stopping replica must then write nothing more, or the pull request gets a second review or check.
const BASE = "b".repeat(40);
const HEAD = "e".repeat(40);

afterEach(() => nock.cleanAll());

describe("a run handed back to the queue", () => {
  it("stops writing at once: after the review it sends no annotations and leaves the check for the replica that resumes it", async () => {
    const gh = new GitHubMock();
    const app = await createTestApp({
      createQueue: (run) => createInProcessQueue((job, control) => run(job, { ...control, handedBack: () => gh.bodies("pulls/create-review").length > 0 })),
    });
    const file = ["FROM node:20", ...Array.from({ length: 120 }, (_, i) => `RUN BAD ${i}`), ""].join("\n");
    gh.openedAdding({ number: 3, head: HEAD, base: BASE }, { Dockerfile: file })
      .createReview(3);
    await app.receive("pull_request", pullRequestPayload("opened", { number: 3, head: HEAD, base: BASE }));
    gh.assertDone();
    expect(gh.bodies("checks/update")).toEqual([]);
    expect(app.outcomes.map((o) => [o.result, o.conclusion])).toEqual([["retry", null]]);
  });

  it("opens no check run when it is handed back before it starts writing", async () => {
    const gh = new GitHubMock();
    const app = await createTestApp({ createQueue: (run) => createInProcessQueue((job, control) => run(job, { ...control, handedBack: () => true })) });
    gh.pull({ number: 4, head: HEAD, base: BASE }).config(null).files(4, [{ filename: "Dockerfile", status: "added", after: "FROM node:20\n" }]).tree(HEAD, { Dockerfile: "FROM node:20\n" });
    await app.receive("pull_request", pullRequestPayload("opened", { number: 4, head: HEAD, base: BASE }));
    expect(gh.bodies("checks/create")).toEqual([]);
    expect(app.outcomes.map((o) => o.result)).toEqual(["retry"]);
  });
});
