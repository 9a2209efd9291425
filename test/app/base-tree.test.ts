import { generateKeyPairSync } from "node:crypto";
import pino from "pino";
import { Probot, ProbotOctokit } from "probot";
import { createDockaudit } from "../../src/app/index.js";
import { GitHubDouble } from "../support/github-double.js";
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
      const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
      const probot = new Probot({
        appId: 123,
        privateKey,
        baseUrl: `${double.url}/api/v3`,
        log: pino({ level: "silent" }),
        Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
      });
      const dockaudit = createDockaudit();
      await probot.load(dockaudit.app);
      await probot.receive({ id: "base-tree", name: "pull_request", payload: pullRequestPayload("opened", { number: 7, head: pull.head, base: pull.base }) } as never);
      await dockaudit.idle();

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
