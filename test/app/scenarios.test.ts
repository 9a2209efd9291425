import nock from "nock";
import { MAX_EXTENDS } from "../../src/app/github/config.js";
import { GitHubMock } from "./support/github-mock.js";
import { OWNER, pullRequestPayload, REPO } from "./support/payloads.js";
import { createTestApp, type TestApp } from "./support/probot.js";

const BASE = "b".repeat(40);
const HEAD = "e".repeat(40);
const NEWER = "f".repeat(40);

let app: TestApp;
let gh: GitHubMock;
beforeEach(async () => {
  app = await createTestApp();
  gh = new GitHubMock();
});
afterEach(() => nock.cleanAll());

const opened = (pr = 3, head = HEAD) => pullRequestPayload("opened", { number: pr, head, base: BASE });
const lines = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i + 1));

describe("findings outside the diff", () => {
  it("go to the summary and the annotations, never to the review (only_new: false)", async () => {
    const before = ["FROM node:20", "RUN BAD old", ...lines(20, (i) => `RUN step ${i}`), ""].join("\n");
    const after = before.replace("RUN step 20", "RUN BAD new");
    gh.pull({ number: 3, head: HEAD, base: BASE })
      .config("only_new: false\n")
      .checkCreate()
      .files(3, [{ filename: "Dockerfile", status: "modified", before, after }])
      .tree(HEAD, { Dockerfile: after })
      .blobs([after])
      .contentAt("Dockerfile", BASE, before)
      .reviewComments(3, [])
      .createReview(3)
      .checkUpdates();
    await app.receive("pull_request", pullRequestPayload("synchronize", { number: 3, head: HEAD, base: BASE }));
    gh.assertDone();
    const [review] = gh.bodies("pulls/create-review");
    expect(review.comments.map((c: any) => c.line)).toEqual([22]);
    const [done] = gh.bodies("checks/update");
    expect(done.output.summary).toMatch(/Not commented inline \(1\)[\s\S]*on lines outside the diff[\s\S]*L2\*\*/);
    expect(done.output.annotations.map((a: any) => a.start_line).sort()).toEqual([2, 22]);
  });
});

describe("120 findings", () => {
  it("sends annotations 50 per request, caps inline comments, keeps the summary under 65,535", async () => {
    const file = ["FROM node:20", ...lines(120, (i) => `RUN BAD ${String(i).padStart(3, "0")} ${"x".repeat(60)}`), ""].join("\n");
    gh.openedAdding({ number: 3, head: HEAD, base: BASE }, { Dockerfile: file })
      .createReview(3)
      .checkUpdates(7, 3);
    await app.receive("pull_request", opened());
    gh.assertDone();
    const updates = gh.bodies("checks/update");
    expect(updates.map((u) => u.output.annotations.length)).toEqual([50, 50, 20]);
    expect(updates.map((u) => u.status ?? "in_progress")).toEqual(["in_progress", "in_progress", "completed"]);
    const [review] = gh.bodies("pulls/create-review");
    expect(review.comments).toHaveLength(25);
    expect(review.body).toContain("95 more could not be commented inline (at most 25 comments per run)");
    const summary: string = updates[2].output.summary;
    expect(Buffer.byteLength(summary)).toBeLessThan(65_535);
    expect(summary).toContain("Not commented inline (95)");
    expect(summary).toContain("over the inline-comment cap");
  });
});

describe("700 findings", () => {
  it("annotates the 500 most severe in ten requests and says in the summary how many were left out", async () => {
    // Three files of 200 errors each (a rule lists at most 200 per file) and 100 warnings in a fourth.
    const bad = (tag: string) => ["FROM node:20", ...lines(200, (i) => `RUN BAD ${tag}${i}`), ""].join("\n");
    const latest = ["FROM node:latest", ...lines(99, (i) => `FROM node:latest AS s${i}`), ""].join("\n");
    const files = { "a/Dockerfile": bad("a"), "b/Dockerfile": bad("b"), "c/Dockerfile": bad("c"), "d/Dockerfile": latest };
    gh.openedAdding({ number: 3, head: HEAD, base: BASE }, files)
      .createReview(3)
      .checkUpdates(7, 10);
    await app.receive("pull_request", opened());
    gh.assertDone();
    const updates = gh.bodies("checks/update");
    expect(updates.map((u) => u.output.annotations.length)).toEqual(Array(10).fill(50));
    const levels = updates.flatMap((u) => u.output.annotations.map((a: any) => a.annotation_level));
    expect(levels.filter((l: string) => l === "failure")).toHaveLength(500);
    expect(updates[9].output.summary).toContain("200 more findings on changed files are not annotated: a run annotates at most 500, the most severe first.");
    expect(app.outcomes[0]).toMatchObject({ result: "published", annotations: 500 });
  });
});

describe("an audit that runs out of memory", () => {
  it("completes the check neutral with what to change, and is not retried", async () => {
    const oom = "the audit's worker thread ran out of memory: these files need more than its heap limit of 512 MiB (DOCKAUDIT_AUDIT_HEAP_MB). Lower limits.max_total_bytes in .github/dockaudit.yml, or raise the limit";
    app = await createTestApp({ audit: async () => Promise.reject(new Error(oom)) });
    const file = "FROM node:20\n";
    gh.openedAdding({ number: 3, head: HEAD, base: BASE }, { Dockerfile: file })
      .checkUpdates();
    await app.receive("pull_request", opened());
    gh.assertDone();
    const [done] = gh.bodies("checks/update");
    expect(done).toMatchObject({ status: "completed", conclusion: "neutral", output: { title: "dockaudit could not finish" } });
    expect(done.output.summary).toContain("Lower limits.max_total_bytes in .github/dockaudit.yml");
    expect(gh.count("pulls/create-review")).toBe(0);
    expect(app.outcomes.map((o) => o.result)).toEqual(["failed"]);
  });
});

describe("a pull request with no Docker files", () => {
  it("creates the check already completed, neutral, in one write and without reading any contents (the tree is read beside the file list)", async () => {
    gh.config(null).checkCreate().files(3, [{ filename: "src/index.ts", status: "modified", before: "a\n", after: "b\n" }]).tree(HEAD, { "src/index.ts": "b\n" });
    await app.receive("pull_request", opened());
    gh.assertDone();
    expect(gh.count("git/get-blob")).toBe(0);
    expect(gh.count("checks/update")).toBe(0);
    const [done] = gh.bodies("checks/create");
    expect(done).toMatchObject({ status: "completed", conclusion: "neutral", head_sha: HEAD, output: { title: "No Docker files changed" } });
    expect(app.outcomes[0].result).toBe("no-docker");
  });
});

describe("a pull request whose Docker files are all ignored by the config", () => {
  it("is completed neutral as having nothing to audit, not graded", async () => {
    const file = "FROM node:latest\n";
    gh.config("ignore: [\"vendor/**\"]\n").checkCreate().files(3, [{ filename: "vendor/lib/Dockerfile", status: "added", after: file }]).tree(HEAD, { "vendor/lib/Dockerfile": file });
    await app.receive("pull_request", opened());
    gh.assertDone();
    const [done] = gh.bodies("checks/create");
    expect(done).toMatchObject({ status: "completed", conclusion: "neutral", output: { title: "No Docker files changed" } });
    expect(done.output.summary).toContain("all match `ignore`");
    expect(app.outcomes[0].result).toBe("no-docker");
  });
});

describe("an invalid config", () => {
  const readBeside = () => gh.files(3, [{ filename: "Dockerfile", status: "added", after: "FROM x\n" }]).tree(HEAD, { Dockerfile: "FROM x\n" });

  it("completes a failing check that names each bad key, without auditing", async () => {
    gh.config("fail_on: sometimes\nmax_inline_comments: 500\n").checkCreate();
    readBeside();
    await app.receive("pull_request", opened());
    gh.assertDone();
    expect(gh.count("checks/update")).toBe(0);
    expect(gh.count("git/get-blob")).toBe(0);
    const [check] = gh.bodies("checks/create");
    expect(check).toMatchObject({ status: "completed", conclusion: "failure", head_sha: HEAD });
    expect(check.output.title).toContain("fail_on, max_inline_comments");
    expect(check.output.summary).toContain("`fail_on` (line 1): must be one of error, warning, info, none");
    expect(check.output.summary).toContain("`max_inline_comments` (line 2): must be a whole number from 0 to 100");
    expect(app.outcomes[0].result).toBe("config-error");
  });

  it("does not block the pull request that repairs it: neutral, saying merging it fixes the configuration", async () => {
    const fixed = "fail_on: warning\n";
    gh.config("fail_on: sometimes\n")
      .configAt(HEAD, fixed)
      .checkCreate()
      .files(3, [{ filename: ".github/dockaudit.yml", status: "modified", before: "fail_on: sometimes\n", after: fixed }])
      .tree(HEAD, { ".github/dockaudit.yml": fixed });
    await app.receive("pull_request", opened());
    gh.assertDone();
    const [check] = gh.bodies("checks/create");
    expect(check).toMatchObject({ status: "completed", conclusion: "neutral" });
    expect(check.output.summary).toContain("`fail_on` (line 1): must be one of error, warning, info, none");
    expect(check.output.summary).toContain("this pull request's version is valid");
  });

  it("still fails a pull request that repairs it and changes Docker files, which cannot be audited", async () => {
    const fixed = "fail_on: warning\n";
    gh.config("fail_on: sometimes\n")
      .configAt(HEAD, fixed)
      .checkCreate()
      .files(3, [
        { filename: ".github/dockaudit.yml", status: "modified", before: "fail_on: sometimes\n", after: fixed },
        { filename: "Dockerfile", status: "added", after: "FROM x\n" },
      ])
      .tree(HEAD, { ".github/dockaudit.yml": fixed, Dockerfile: "FROM x\n" });
    await app.receive("pull_request", opened());
    gh.assertDone();
    expect(gh.bodies("checks/create")[0]).toMatchObject({ conclusion: "failure" });
  });

  it("still fails a pull request whose own version is invalid too", async () => {
    gh.config("fail_on: sometimes\n")
      .configAt(HEAD, "fail_on: often\n")
      .checkCreate()
      .files(3, [{ filename: ".github/dockaudit.yml", status: "modified", before: "fail_on: sometimes\n", after: "fail_on: often\n" }])
      .tree(HEAD, { ".github/dockaudit.yml": "fail_on: often\n" });
    await app.receive("pull_request", opened());
    gh.assertDone();
    expect(gh.bodies("checks/create")[0]).toMatchObject({ conclusion: "failure" });
  });

  it("names `_extends` when its value is not a repository (or repo:path.yml)", async () => {
    gh.config("_extends: not a repo!\n").checkCreate();
    readBeside();
    await app.receive("pull_request", opened());
    gh.assertDone();
    const [check] = gh.bodies("checks/create");
    expect(check).toMatchObject({ status: "completed", conclusion: "failure", head_sha: HEAD });
    expect(check.output.summary).toContain('Invalid value "not a repo!" for \\_extends');
    expect(app.outcomes[0].result).toBe("config-error");
  });

  it("names `_extends` when the config it names does not exist, instead of auditing without it", async () => {
    gh.config("_extends: policies\nfail_on: none\n").checkCreate();
    gh.scope.get(`/repos/${OWNER}/policies/contents/${encodeURIComponent(".github/dockaudit.yml")}`).reply(404, { message: "Not Found" });
    readBeside();
    await app.receive("pull_request", opened());
    gh.assertDone();
    const [check] = gh.bodies("checks/create");
    expect(check).toMatchObject({ status: "completed", conclusion: "failure", head_sha: HEAD });
    expect(check.output.summary).toContain(`\`_extends\`: ${OWNER}/policies:.github/dockaudit.yml was not found`);
    expect(app.outcomes[0].result).toBe("config-error");
  });

  it("stops a chain of `_extends` past the cap, naming the chain, without reading further", async () => {
    // policies-1 extends policies-2, and so on: the sixth is never read.
    gh.config("_extends: policies-1\nfail_on: none\n").checkCreate();
    for (let i = 1; i <= MAX_EXTENDS; i++) {
      gh.scope.get(`/repos/${OWNER}/policies-${i}/contents/${encodeURIComponent(".github/dockaudit.yml")}`).reply(200, `_extends: policies-${i + 1}\n`, { "content-type": "application/vnd.github.raw; charset=utf-8" });
    }
    readBeside();
    await app.receive("pull_request", opened());
    gh.assertDone();
    const [check] = gh.bodies("checks/create");
    expect(check).toMatchObject({ status: "completed", conclusion: "failure" });
    const chain = [REPO, ...Array.from({ length: MAX_EXTENDS + 1 }, (_, i) => `policies-${i + 1}`)].join(" → ");
    // Markdown escapes aside (`\_`), the summary names each config of the chain in order.
    expect(check.output.summary.replace(/\\/g, "")).toContain(`\`_extends\`: chains more than ${MAX_EXTENDS} configs (${chain})`);
    expect(app.outcomes[0].result).toBe("config-error");
  });

  it("stops a chain of `_extends` that loops back, naming the loop", async () => {
    gh.config("_extends: policies\n").checkCreate();
    gh.scope.get(`/repos/${OWNER}/policies/contents/${encodeURIComponent(".github/dockaudit.yml")}`).reply(200, `_extends: ${REPO}\n`, { "content-type": "application/vnd.github.raw; charset=utf-8" });
    readBeside();
    await app.receive("pull_request", opened());
    gh.assertDone();
    const [check] = gh.bodies("checks/create");
    expect(check).toMatchObject({ conclusion: "failure" });
    expect(check.output.summary.replace(/\\/g, "")).toContain(`loops back to ${OWNER}/${REPO}:.github/dockaudit.yml (${REPO} → policies → ${REPO})`);
  });

  it("refuses a default branch's config over 256 KiB as it refuses a pull request's, without parsing it", async () => {
    const huge = `# ${"x".repeat(300 * 1024)}\nfail_on: error\n`;
    gh.config(huge).checkCreate();
    readBeside();
    await app.receive("pull_request", opened());
    gh.assertDone();
    const [check] = gh.bodies("checks/create");
    expect(check).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(check.output.summary).toContain(`\`(file)\`: is ${Buffer.byteLength(huge)} bytes, over the 262144 bytes a config may hold`);
  });

  it("refuses a config it extends over 256 KiB, naming it", async () => {
    const huge = `# ${"x".repeat(300 * 1024)}\nfail_on: error\n`;
    gh.config("_extends: policies\n").checkCreate();
    gh.scope.get(`/repos/${OWNER}/policies/contents/${encodeURIComponent(".github/dockaudit.yml")}`).reply(200, huge, { "content-type": "application/vnd.github.raw; charset=utf-8" });
    readBeside();
    await app.receive("pull_request", opened());
    gh.assertDone();
    expect(gh.bodies("checks/create")[0].output.summary.replace(/\\/g, "")).toContain(`\`(file)\`: is ${Buffer.byteLength(huge)} bytes, over the 262144 bytes a config may hold (in ${OWNER}/policies:.github/dockaudit.yml)`);
  });

  it("names the file when it is a YAML scalar, not a mapping", async () => {
    gh.config("42\n").checkCreate();
    readBeside();
    await app.receive("pull_request", opened());
    gh.assertDone();
    expect(gh.bodies("checks/create")[0]).toMatchObject({ conclusion: "failure" });
    expect(gh.bodies("checks/create")[0].output.summary).toContain("`(file)`: must be a mapping");
  });

  it("names the file when it is not YAML", async () => {
    gh.config("rules: [unclosed\n").checkCreate();
    readBeside();
    await app.receive("pull_request", opened());
    gh.assertDone();
    expect(gh.bodies("checks/create")[0].output.summary).toMatch(/`\(file\)` \(line 2\): not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a \\?\] \(in Codertocat\/Hello-World:\.github\/dockaudit\.yml\)/);
  });
});

describe("a pull request that adds the config under a name dockaudit does not read", () => {
  it.each([".github/dockaudit.yaml", ".github/dockaudit.json", "dockaudit.yml"])("says %s is not read", async (path) => {
    gh.config(null).checkCreate().files(3, [{ filename: path, status: "added", after: "fail_on: warning\n" }]).tree(HEAD, { [path]: "fail_on: warning\n" });
    await app.receive("pull_request", opened());
    gh.assertDone();
    expect(gh.bodies("checks/create")[0].output.summary).toContain(`\`${path}\` is not read`);
  });
});

describe("a pull request that changes the config", () => {
  const CONFIG = ".github/dockaudit.yml";

  it("fails when the head's version is invalid, naming each bad key, though the default branch's is used", async () => {
    const broken = "fail_on: sometimes\n";
    gh.config(null)
      .configAt(HEAD, broken)
      .checkCreate()
      .files(3, [{ filename: CONFIG, status: "modified", before: "fail_on: error\n", after: broken }])
      .tree(HEAD, { [CONFIG]: broken });
    await app.receive("pull_request", opened());
    gh.assertDone();
    const [check] = gh.bodies("checks/create");
    expect(check).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(check.output.summary).toContain("`fail_on` (line 1): must be one of error, warning, info, none");
    expect(check.output.summary).toContain("once it is merged");
  });

  it("refuses a head config too large to be one without reading it, as the CLI does", async () => {
    const huge = `# ${"x".repeat(300 * 1024)}\nfail_on: error\n`;
    gh.config(null)
      .checkCreate()
      .files(3, [{ filename: CONFIG, status: "modified", before: "fail_on: error\n", after: "fail_on: error\n" }])
      .tree(HEAD, { [CONFIG]: huge });
    await app.receive("pull_request", opened());
    gh.assertDone();
    const [check] = gh.bodies("checks/create");
    expect(check).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(check.output.summary).toContain(`\`(file)\`: is ${Buffer.byteLength(huge)} bytes, over the 262144 bytes a config may hold`);
  });

  it("fails a Docker change too when the head's config is invalid", async () => {
    const broken = "max_inline_comments: 500\n";
    const file = "FROM node:20\n";
    gh.pull({ number: 3, head: HEAD, base: BASE })
      .config(null)
      .configAt(HEAD, broken)
      .checkCreate()
      .files(3, [
        { filename: CONFIG, status: "added", after: broken },
        { filename: "Dockerfile", status: "added", after: file },
      ])
      .tree(HEAD, { [CONFIG]: broken, Dockerfile: file })
      .blobs([file])
      .checkUpdates();
    await app.receive("pull_request", opened());
    gh.assertDone();
    const [done] = gh.bodies("checks/update");
    expect(done.conclusion).toBe("failure");
    expect(done.output.summary).toContain("`max_inline_comments` (line 1): must be a whole number from 0 to 100");
  });

  it("stays neutral when the head's version is valid", async () => {
    const fine = "fail_on: warning\n";
    gh.config(null)
      .configAt(HEAD, fine)
      .checkCreate()
      .files(3, [{ filename: CONFIG, status: "modified", before: "fail_on: error\n", after: fine }])
      .tree(HEAD, { [CONFIG]: fine });
    await app.receive("pull_request", opened());
    gh.assertDone();
    expect(gh.bodies("checks/create")[0]).toMatchObject({ conclusion: "neutral" });
  });
});

describe("a 3000-file pull request", () => {
  it("reads the 30 pages GitHub allows, audits the Docker files among them and says the rest was not listed", async () => {
    const dockerfile = "FROM node:latest\n";
    const changes = [
      ...lines(2999, (i) => ({ filename: `src/file-${i}.ts`, status: "modified" as const })),
      { filename: "services/api/Dockerfile", status: "added" as const, after: dockerfile },
    ];
    gh.pull({ number: 3, head: HEAD, base: BASE, changedFiles: 3200 })
      .config(null)
      .checkCreate()
      .files(3, changes, { moreAfter: true })
      .tree(HEAD, { "services/api/Dockerfile": dockerfile })
      .blobs([dockerfile])
      .createReview(3)
      .checkUpdates();
    await app.receive("pull_request", pullRequestPayload("opened", { number: 3, head: HEAD, base: BASE, changedFiles: 3200 }));
    gh.assertDone();
    expect(gh.count("pulls/list-files")).toBe(30);
    const [done] = gh.bodies("checks/update");
    expect(done.output.summary).toContain("GitHub lists only the first 3000 of this pull request's 3200 changed files");
    expect(done.output.annotations).toHaveLength(1);
  });
});

describe("a pull request with no Docker file among the files GitHub lists", () => {
  it("does not claim there is nothing to audit without saying the listing stopped at 3000 of its files", async () => {
    const changes = lines(3000, (i) => ({ filename: `src/file-${i}.ts`, status: "modified" as const }));
    gh.config(null).checkCreate().files(3, changes, { moreAfter: true }).tree(HEAD, {});
    await app.receive("pull_request", pullRequestPayload("opened", { number: 3, head: HEAD, base: BASE, changedFiles: 3200 }));
    gh.assertDone();
    const [done] = gh.bodies("checks/create");
    expect(done).toMatchObject({ status: "completed", conclusion: "neutral" });
    expect(done.output.summary).toContain("changes 3200 files");
    expect(done.output.summary).toContain("GitHub lists only the first 3000 of this pull request's 3200 changed files");
  });

  it("says that a change to the configuration applies once merged", async () => {
    gh.config(null).configAt(HEAD, "fail_on: warning\n").checkCreate().files(3, [{ filename: ".github/dockaudit.yml", status: "modified", before: "fail_on: error\n", after: "fail_on: warning\n" }]).tree(HEAD, { ".github/dockaudit.yml": "fail_on: warning\n" });
    await app.receive("pull_request", opened());
    gh.assertDone();
    const [done] = gh.bodies("checks/create");
    expect(done.output.summary).toContain("This pull request changes `.github/dockaudit.yml`");
  });
});

describe("a pull request that changes only a .dockerignore", () => {
  it("audits the Dockerfile a Compose service builds in that context, though neither is changed", async () => {
    const ignore = ".git\nsecrets/\n";
    const compose = "services:\n  app:\n    build:\n      context: .\n      dockerfile: docker/app.Dockerfile\n";
    const dockerfile = "FROM node:latest\nCOPY . /app\n";
    gh.pull({ number: 3, head: HEAD, base: BASE })
      .config(null)
      .checkCreate()
      .files(3, [{ filename: ".dockerignore", status: "modified", before: ".git\n", after: ignore }])
      .tree(HEAD, { ".dockerignore": ignore, "compose.yaml": compose, "docker/app.Dockerfile": dockerfile })
      .blobs([ignore, compose, dockerfile])
      .contentAt(".dockerignore", BASE, ".git\n")
      .checkUpdates();
    await app.receive("pull_request", opened());
    gh.assertDone();
    const [done] = gh.bodies("checks/update");
    expect(done.output.summary).toContain("docker/app.Dockerfile");
  });
});

describe("a pull request that deletes a .dockerignore", () => {
  it("audits the builds it filtered, which now send their whole context", async () => {
    const { rules } = await import("../../rules/index.js");
    const full = await createTestApp({ rules });
    const dockerfile = "FROM node:20.11.1-alpine3.19\nWORKDIR /app\nCOPY . .\nUSER node\nCMD [\"node\", \"index.js\"]\n";
    gh.pull({ number: 3, head: HEAD, base: BASE })
      .config(null)
      .checkCreate()
      .files(3, [{ filename: ".dockerignore", status: "removed" }])
      .tree(HEAD, { Dockerfile: dockerfile, "index.js": "" })
      .blobs([dockerfile])
      .contentAt(".dockerignore", BASE, ".git\nnode_modules\n")
      .checkUpdates();
    await full.receive("pull_request", opened());
    gh.assertDone();
    const [done] = gh.bodies("checks/update");
    expect(done.output.summary).toContain("dockerignore-missing");
  });
});

describe("a pull request that changes a Compose file beside an override", () => {
  it("reads the unchanged override too, so what it defines is not reported missing", async () => {
    const { rules } = await import("../../rules/index.js");
    const full = await createTestApp({ rules });
    const before = "name: shop\nservices:\n  api:\n    image: shop/api:1.4.2\n    networks: [backend]\n";
    const after = `${before}  worker:\n    image: shop/api:1.4.2\n    command: worker\n    networks: [backend]\n`;
    const override = [
      "services:",
      ...["api", "worker"].flatMap((name) => [
        `  ${name}:`,
        "    healthcheck:",
        "      test: [\"CMD\", \"/app/health\"]",
        "    restart: unless-stopped",
        "    logging:",
        "      options: { max-size: 10m }",
      ]),
      "networks:",
      "  backend: {}",
      "",
    ].join("\n");
    gh.pull({ number: 3, head: HEAD, base: BASE })
      .config(null)
      .checkCreate()
      .files(3, [{ filename: "compose.yaml", status: "modified", before, after }])
      .tree(HEAD, { "compose.yaml": after, "compose.override.yaml": override })
      .blobs([after, override])
      .contentAt("compose.yaml", BASE, before)
      .createReview(3)
      .checkUpdates();
    await full.receive("pull_request", opened());
    gh.assertDone();
    const [review] = gh.bodies("pulls/create-review");
    const commented = review.comments.map((c: { body: string }) => /\*\*([a-z-]+)\*\*/.exec(c.body)?.[1]);
    expect(commented).toContain("cpu-limit-missing");
    for (const id of ["compose-healthcheck-missing", "restart-policy-missing", "logging-rotation-missing", "undefined-reference"]) expect(commented).not.toContain(id);
    const [done] = gh.bodies("checks/update");
    expect(done.output.summary).toContain("Audited 2 files (2 Compose files)");
  });
});

describe("a repository whose tree GitHub lists only in part", () => {
  it("does not call a file missing that the listing may have left out", async () => {
    const { rules } = await import("../../rules/index.js");
    const dockerfile = "FROM node:20.11.1-alpine3.19\nWORKDIR /app\nCOPY . .\nUSER node\nCMD [\"node\", \"index.js\"]\n";
    const run = async (truncated: boolean, mock: GitHubMock) => {
      const full = await createTestApp({ rules });
      mock.pull({ number: 3, head: HEAD, base: BASE })
        .config(null)
        .checkCreate()
        .files(3, [{ filename: "Dockerfile", status: "added", after: dockerfile }])
        .tree(HEAD, { Dockerfile: dockerfile }, truncated)
        .blobs([dockerfile])
        .createReview(3)
        .checkUpdates();
      await full.receive("pull_request", opened());
      mock.assertDone();
      nock.cleanAll();
      return mock.bodies("checks/update")[0].output.summary as string;
    };
    expect(await run(false, gh)).toContain("dockerignore-missing");
    // nock's interceptors are global: the second run's mock is made once the first one's are gone.
    expect(await run(true, new GitHubMock())).not.toContain("dockerignore-missing");
  });
});

describe("a pull request that adds a symbolic link named like a Compose file", () => {
  it("does not audit the link's target path as if it were YAML", async () => {
    const target = "compose/dev.yml";
    gh.pull({ number: 3, head: HEAD, base: BASE })
      .config(null)
      .checkCreate()
      .files(3, [{ filename: "docker-compose.yml", status: "added", after: target }])
      .tree(HEAD, { "docker-compose.yml": target }, false, ["docker-compose.yml"])
      .checkUpdates();
    await app.receive("pull_request", opened());
    gh.assertDone();
    expect(gh.count("git/get-blob")).toBe(0);
    const [done] = gh.bodies("checks/update");
    expect(done.conclusion).not.toBe("failure");
    expect(done.output.summary).toContain("symbolic link");
  });
});

describe("the head moves while the run works", () => {
  it("publishes nothing for the old head: no review, no annotations, the check closed as superseded", async () => {
    const file = "FROM node:latest\n";
    gh.config(null)
      .checkCreate()
      .files(3, [{ filename: "Dockerfile", status: "added", after: file }])
      .tree(HEAD, { Dockerfile: file })
      .blobs([file])
      .pull({ number: 3, head: NEWER, base: BASE })
      .checkUpdates();
    await app.receive("pull_request", opened());
    gh.assertDone();
    expect(gh.count("pulls/create-review")).toBe(0);
    const [done] = gh.bodies("checks/update");
    expect(done).toMatchObject({ status: "completed", conclusion: "neutral", output: { title: "Superseded by a newer commit" } });
    expect(done.output.annotations).toBeUndefined();
    expect(app.outcomes[0].result).toBe("superseded");
  });

  it("publishes no review on a pull request closed (or merged) while it was audited", async () => {
    const file = "FROM node:latest\n";
    gh.config(null)
      .checkCreate()
      .files(3, [{ filename: "Dockerfile", status: "added", after: file }])
      .tree(HEAD, { Dockerfile: file })
      .blobs([file])
      .pull({ number: 3, head: HEAD, base: BASE, state: "closed" })
      .checkUpdates();
    await app.receive("pull_request", opened());
    gh.assertDone();
    expect(gh.count("pulls/create-review")).toBe(0);
    const [done] = gh.bodies("checks/update");
    expect(done).toMatchObject({ status: "completed", conclusion: "neutral", output: { title: "Not audited" } });
    expect(app.outcomes[0].result).toBe("skipped");
  });

  it("lets a newer push supersede a running job: only the newest head is published", async () => {
    const file = "FROM node:latest\n";
    // The first run reads its files with the config, then finds itself superseded.
    gh.config(null).files(3, [{ filename: "Dockerfile", status: "added", after: file }]).tree(HEAD, { Dockerfile: file });
    gh.openedAdding({ number: 3, head: NEWER, base: BASE }, { Dockerfile: file })
      .reviewComments(3, [])
      .createReview(3)
      .checkUpdates();
    const first = app.probot.receive({ id: "d1", name: "pull_request", payload: opened(3, HEAD) } as never);
    const second = app.probot.receive({ id: "d2", name: "pull_request", payload: pullRequestPayload("synchronize", { number: 3, head: NEWER, base: BASE }) } as never);
    await Promise.all([first, second]);
    await app.dockaudit.idle();
    gh.assertDone();
    expect(app.outcomes.map((o) => [o.result, o.headSha])).toEqual([
      ["superseded", HEAD],
      ["published", NEWER],
    ]);
    expect(gh.bodies("checks/create").map((c) => c.head_sha)).toEqual([NEWER]);
  });
});

describe("GitHub refusing the review", () => {
  it("still completes the check, with the findings meant for the review in its summary", async () => {
    const file = "FROM node:latest\nRUN BAD x\n";
    gh.openedAdding({ number: 3, head: HEAD, base: BASE }, { Dockerfile: file })
      .checkUpdates();
    gh.scope.post("/repos/Codertocat/Hello-World/pulls/3/reviews").reply(422, { message: "Validation Failed", errors: ["Pull request review thread line must be part of the diff"] });
    await app.receive("pull_request", opened());
    gh.assertDone();
    const [done] = gh.bodies("checks/update");
    expect(done).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(done.output.summary).toContain("GitHub refused this run's review");
    expect(done.output.summary).toContain("Not commented inline (2)");
    expect(done.output.summary).toContain("meant for a review GitHub refused");
    expect(app.outcomes[0]).toMatchObject({ result: "published", comments: 0 });
  });
});

describe("limits", () => {
  it("reads no more files than limits.max_files and says so", async () => {
    const a = "FROM node:latest\n";
    const b = "FROM alpine:latest\n";
    gh.pull({ number: 3, head: HEAD, base: BASE })
      .config("limits:\n  max_files: 1\n")
      .checkCreate()
      .files(3, [{ filename: "a/Dockerfile", status: "added", after: a }, { filename: "b/Dockerfile", status: "added", after: b }])
      .tree(HEAD, { "a/Dockerfile": a, "b/Dockerfile": b })
      .blobs([a])
      .createReview(3)
      .checkUpdates();
    await app.receive("pull_request", opened());
    gh.assertDone();
    expect(gh.bodies("checks/update")[0].output.summary).toContain("1 Docker file was not read: the run stops at `limits.max_files` (1).");
  });
});

describe("a pull request too large for GitHub to send its diffs", () => {
  it("says so in one note, so the summary still gives the conclusion's reason", async () => {
    const bad = "FROM node:20\nRUN BAD\n";
    const paths = lines(600, (i) => `services/service-number-${String(i).padStart(3, "0")}/Dockerfile`);
    gh.pull({ number: 3, head: HEAD, base: BASE })
      .config("limits:\n  max_files: 1\n")
      .checkCreate()
      .files(3, paths.map((filename) => ({ filename, status: "added" as const, after: bad, noPatch: true })))
      .tree(HEAD, Object.fromEntries(paths.map((p) => [p, bad])))
      .blobs([bad])
      .checkUpdates();
    await app.receive("pull_request", opened());
    gh.assertDone();
    const [done] = gh.bodies("checks/update");
    expect(done.conclusion).toBe("failure");
    expect(done.output.summary).toContain("Failing: 1 finding at or above the `fail_on` severity");
    expect(done.output.summary).toContain("GitHub sent no diff for 600 Docker files");
  });
});

describe("paths the pull request names, in the summary's notes", () => {
  it("stay in code spans whatever backticks they hold, so no @name in one notifies anyone", async () => {
    const bad = "FROM node:20\nRUN BAD\n";
    const path = "x`@victim #12`/Dockerfile";
    gh.pull({ number: 3, head: HEAD, base: BASE })
      .config(null)
      .checkCreate()
      .files(3, [{ filename: path, status: "added" as const, after: bad, noPatch: true }])
      .tree(HEAD, { [path]: bad })
      .blobs([bad])
      .checkUpdates();
    await app.receive("pull_request", opened());
    gh.assertDone();
    const [done] = gh.bodies("checks/update");
    expect(done.output.summary).toContain("GitHub sent no diff for ``x`@victim #12`/Dockerfile`` (binary or too large)");
  });
});

describe("drafts", () => {
  it("are skipped when the config leaves drafts off", async () => {
    gh.config(null);
    await app.receive("pull_request", pullRequestPayload("opened", { number: 3, head: HEAD, base: BASE, draft: true }));
    gh.assertDone();
    expect(app.outcomes[0].result).toBe("skipped");
    expect(gh.count("pulls/list-files") + gh.count("git/get-tree")).toBe(0);
  });

  it("are audited with drafts: true, their files read once the config allows it", async () => {
    const file = "FROM node:latest\n";
    gh.config("drafts: true\n")
      .checkCreate()
      .files(3, [{ filename: "Dockerfile", status: "added", after: file }])
      .tree(HEAD, { Dockerfile: file })
      .blobs([file])
      .pull({ number: 3, head: HEAD, base: BASE, draft: true })
      .createReview(3)
      .checkUpdates();
    await app.receive("pull_request", pullRequestPayload("opened", { number: 3, head: HEAD, base: BASE, draft: true }));
    gh.assertDone();
    expect(app.outcomes[0].result).toBe("published");
  });
});

describe("a GitHub failure mid-run", () => {
  it("never leaves the check in progress: it completes neutral, says what failed and how to re-run", async () => {
    gh.config(null).checkCreate().tree(HEAD, {});
    gh.scope.get("/repos/Codertocat/Hello-World/pulls/3/files").query(true).reply(502, { message: "Bad Gateway" });
    await app.receive("pull_request", opened());
    gh.assertDone();
    // The file list failed before any check was opened: the one check is created completed.
    expect(gh.count("checks/update")).toBe(0);
    const [done] = gh.bodies("checks/create");
    expect(done).toMatchObject({ status: "completed", conclusion: "neutral", output: { title: "dockaudit could not finish" } });
    expect(done.output.summary).toContain("GitHub answered 502");
    expect(done.output.summary).toContain("/dockaudit recheck");
  });
});
