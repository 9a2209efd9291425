import { GitHubDouble } from "../support/github-double.js";
import { createDoubleApp } from "./support/probot.js";
import { OWNER, pullRequestPayload, REPO } from "./support/payloads.js";

/**
 * The base side is audited with the base's tree: a file the PR deletes was there before it, so a
 * Dockerfile that still COPYs it gets a new finding, not one "already there before".
 */
describe("a pull request that deletes a file its Dockerfile copies (GitHub double, full catalogue)", () => {
  it("reports copy-source-missing as new: an inline comment and an annotation", async () => {
    const double = await new GitHubDouble().listen();
    try {
      const base = { "Dockerfile": "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt app.py /app/\nCMD [\"python\", \"app.py\"]\n", "app.py": "print('hi')\n", "requirements.txt": "flask\n", ".dockerignore": ".git\n" };
      const head = { "requirements.txt": "flask\n", "Dockerfile": "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt app.py ./\nCMD [\"python\", \"app.py\"]\n", ".dockerignore": ".git\n" };
      const pull = double.openPull(OWNER, REPO, { number: 7, base, head });
      const app = await createDoubleApp(double.url);
      await app.receive("base-tree", "pull_request", pullRequestPayload("opened", { number: 7, head: pull.head, base: pull.base }));

      expect(double.problems).toEqual([]);
      const [check] = double.repo(OWNER, REPO).checkRuns;
      expect(check.status).toBe("completed");
      expect(check.annotations.filter((a) => a.title?.startsWith("copy-source-missing")).map((a) => a.start_line)).toEqual([3]);
      const comments = double.repo(OWNER, REPO).reviewComments.filter((c) => c.body.includes("copy-source-missing"));
      expect(comments.map((c) => [c.path, c.line])).toEqual([["Dockerfile", 3]]);
      expect(check.output.summary).not.toMatch(/already there before[\s\S]*copy-source-missing/);
    } finally {
      await double.close();
    }
  }, 60_000);
});
