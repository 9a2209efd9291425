import { audit, DEFAULT_CONFIG } from "../../../src/engine/index.js";
import { rules } from "../../../rules/index.js";
import { decidePublication } from "../../../src/app/jobs/decide-publication.js";
import { hunksOf } from "../../../src/app/review/diff-lines.js";
import { githubPatch } from "../../support/patch.js";

// What a run publishes when its findings outnumber what a check run should carry.
const noisyDockerfile = (stages: number) =>
  Array.from({ length: stages }, (_, i) => `FROM alpine AS s${i}\nENV A${i} one\nENV B${i} two\nRUN apk add curl\n`).join("");

function publish(changed: { path: string; content: string }[], hunks = new Map()) {
  const head = audit(changed, rules);
  const base = audit([], rules);
  const publication = decidePublication({
    head,
    base,
    files: { head: changed, hunks, moves: new Map(), changedPaths: new Set(changed.map((f) => f.path)), removedPaths: new Set() },
    config: DEFAULT_CONFIG,
    rules,
    existing: [],
    notes: [],
  });
  return { head, publication };
}

describe("what a run publishes", () => {
  it("annotates every finding on changed files when there are at most 500", () => {
    const { head, publication } = publish([{ path: "Dockerfile", content: noisyDockerfile(3) }]);
    expect(head.findings.length).toBeGreaterThan(5);
    expect(publication.annotations).toHaveLength(head.findings.length);
    expect(publication.output.summary).not.toContain("not annotated");
  });

  it("annotates the 500 most severe and says in the summary how many it left out", () => {
    const files = Array.from({ length: 4 }, (_, i) => ({ path: `s${i}/Dockerfile`, content: noisyDockerfile(60) }));
    const { head, publication } = publish(files);
    const onChanged = head.findings.length;
    expect(onChanged).toBeGreaterThan(500);
    expect(publication.annotations).toHaveLength(500);
    const levels = publication.annotations.map((a) => a.annotation_level);
    const kept = { failure: levels.filter((l) => l === "failure").length, warning: levels.filter((l) => l === "warning").length };
    expect(kept.failure).toBe(head.findings.filter((f) => f.severity === "error").length);
    expect(kept.warning).toBe(Math.min(500 - kept.failure, head.findings.filter((f) => f.severity === "warning").length));
    expect(publication.output.summary).toContain(`${onChanged - 500} more findings on changed files are not annotated: a run annotates at most 500, the most severe first.`);
  });

  it("shows a credential the secret rules found nowhere: not in another rule's comment, suggestion, annotation or summary", () => {
    const token = "9f8e7d6c5b4a39281706aa";
    const content = `FROM alpine:3.20\nENV API_TOKEN ${token}\nUSER 1000\nCMD ["sh"]\n`;
    const { head, publication } = publish([{ path: "Dockerfile", content }], new Map([["Dockerfile", hunksOf(githubPatch("", content))]]));
    expect(head.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(["legacy-key-value", "secret-literal-value"]));
    const legacy = publication.plan.comments.find((c) => c.body.includes("legacy-key-value"));
    expect(legacy).toBeDefined();
    expect(legacy!.body).not.toContain("```suggestion");
    const published = JSON.stringify([publication.plan.comments, publication.annotations, publication.output, publication.reviewBody]);
    expect(published).not.toContain(token);
  });

  it("masks a credential another rule's message quotes outside a code span, before its markup is escaped", () => {
    const token = "9f8e_7d6c*5b4a#3928_1706";
    const content = `FROM alpine:3.20\nENV API_TOKEN ${token}\nUSER 1000\nCMD ["sh"]\n`;
    const changed = [{ path: "Dockerfile", content }];
    const head = audit(changed, rules);
    expect(head.findings.find((f) => f.ruleId === "secret-literal-value")?.secret).toBe(token);
    // A message quoting the line as plain text: escaped for Markdown, the value no longer reads as the secret.
    const quoting = { ...head, findings: head.findings.map((f) => (f.ruleId === "legacy-key-value" ? { ...f, message: `ENV API_TOKEN ${token} uses the legacy form.` } : f)) };
    const publication = decidePublication({
      head: quoting,
      base: audit([], rules),
      files: { head: changed, hunks: new Map([["Dockerfile", hunksOf(githubPatch("", content))]]), moves: new Map(), changedPaths: new Set(["Dockerfile"]), removedPaths: new Set() },
      config: { ...DEFAULT_CONFIG, onlyNew: false },
      rules,
      existing: [],
      notes: [],
    });
    expect(publication.plan.comments.some((c) => c.body.includes("uses the legacy form"))).toBe(true);
    expect(publication.output.summary).toContain("uses the legacy form");
    const published = JSON.stringify([publication.plan.comments, publication.annotations, publication.output]);
    expect(published).not.toMatch(/7d6c|5b4a|3928/);
  });

  it("keeps suggestions and names that a guessable password shares with a service", () => {
    const content = "services:\n  temporal:\n    image: temporalio/auto-setup:1.24\n    environment:\n      POSTGRES_PWD: temporal\n    ports:\n      - 7233:7233\n";
    const { publication } = publish([{ path: "compose.yaml", content }], new Map([["compose.yaml", hunksOf(githubPatch("", content))]]));
    expect(publication.output.summary).toContain("temporal");
    expect(publication.plan.comments.some((c) => c.body.includes("```suggestion"))).toBe(true);
  });
});

describe("a statement the PR adds above an identical one", () => {
  // The PR inserts lines 2-3 above the RUN it already had (now line 4): only lines 2-3 are in the diff.
  const base = 'FROM alpine:3.20\nRUN apk add curl\nCMD ["sh"]\n';
  const head = 'FROM alpine:3.20\nRUN apk add curl\nENV A=1\nRUN apk add curl\nCMD ["sh"]\n';
  const run = (hunks: { start: number; end: number }[]) =>
    decidePublication({
      head: audit([{ path: "Dockerfile", content: head }], rules),
      base: audit([{ path: "Dockerfile", content: base }], rules),
      files: { head: [{ path: "Dockerfile", content: head }], hunks: new Map([["Dockerfile", hunks]]), moves: new Map(), changedPaths: new Set(["Dockerfile"]), removedPaths: new Set() },
      config: DEFAULT_CONFIG,
      rules,
      existing: [],
      notes: [],
    });

  it("calls the added line's findings new and comments there, with as many new findings as before", () => {
    const publication = run([{ start: 2, end: 3 }]);
    const added = publication.comparison.added.filter((f) => f.ruleId === "apk-no-cache");
    expect(added.map((f) => f.range?.start.line)).toEqual([2]);
    expect(publication.comparison.unchanged.filter((f) => f.ruleId === "apk-no-cache").map((f) => f.range?.start.line)).toEqual([4]);
    expect(publication.plan.comments.filter((c) => c.body.includes("apk-no-cache")).map((c) => c.line)).toEqual([2]);
    expect(publication.plan.unposted.filter((u) => u.finding.ruleId === "apk-no-cache")).toEqual([]);
  });

  it("keeps the comparison as it is when the later copy is the one in the diff", () => {
    const publication = run([{ start: 3, end: 4 }]);
    expect(publication.comparison.added.filter((f) => f.ruleId === "apk-no-cache").map((f) => f.range?.start.line)).toEqual([4]);
  });
});

describe("a statement the PR edits", () => {
  const run = (base: string, head: string) =>
    decidePublication({
      head: audit([{ path: "Dockerfile", content: head }], rules),
      base: audit([{ path: "Dockerfile", content: base }], rules),
      files: { head: [{ path: "Dockerfile", content: head }], hunks: new Map([["Dockerfile", hunksOf(githubPatch(base, head))]]), moves: new Map(), changedPaths: new Set(["Dockerfile"]), removedPaths: new Set() },
      config: DEFAULT_CONFIG,
      rules,
      existing: [],
      notes: [],
    }).comparison;
  const ids = (fs: readonly { ruleId: string; range: { start: { line: number } } | null }[]) => fs.map((f) => `${f.ruleId}@${f.range?.start.line}`).sort();
  const filler = Array.from({ length: 12 }, (_, i) => `ENV V${i}=${i}`).join("\n");
  const base = `FROM debian:12.5\nRUN apt-get install -y curl\n${filler}\nRUN apt-get install -y git\nUSER app\nCMD ["x"]\n`;

  it("keeps a problem it already had: not new, not fixed", () => {
    const head = base.replace("install -y curl", "install -y curl wget");
    const c = run(base, head);
    expect(ids(c.added)).not.toContain("apt-no-install-recommends@2");
    expect(ids(c.fixed)).not.toContain("apt-no-install-recommends@2");
    expect(ids(c.unchanged)).toContain("apt-no-install-recommends@2");
  });

  it("counts one fixed and one new when the PR fixes a problem in one place and writes it anew in another", () => {
    const head = `${base.replace("install -y curl", "install -y --no-install-recommends curl")}RUN apt-get install -y make\n`;
    const c = run(base, head);
    expect(ids(c.fixed)).toContain("apt-no-install-recommends@2");
    expect(ids(c.added)).toContain("apt-no-install-recommends@18");
  });

  it("is still new when the edited line had other problems only", () => {
    const head = base.replace("RUN apt-get install -y curl", "RUN apt-get install -y --no-install-recommends curl && cd /tmp");
    const c = run(base, head);
    expect(ids(c.added)).toContain("cd-in-run@2");
    expect(ids(c.fixed)).toContain("apt-no-install-recommends@2");
  });
});

describe("only_new: false", () => {
  it("gates and comments the findings on the changed files, not those of an unchanged linked Compose file", async () => {
    const { TEST_RULES } = await import("../support/test-rules.js");
    const compose = { path: "compose.yaml", content: "services:\n  web:\n    build: .\n    ports:\n      - 8080:80\n" };
    const dockerfile = { path: "Dockerfile", content: "FROM node:20\nRUN BAD one\n" };
    const head = audit([dockerfile, compose], TEST_RULES);
    const base = audit([{ path: "Dockerfile", content: "FROM node:20\nRUN ok\n" }, compose], TEST_RULES);
    expect(head.findings.map((f) => f.file).sort()).toEqual(["Dockerfile", "compose.yaml"]);
    const publication = decidePublication({
      head,
      base,
      files: { head: [dockerfile, compose], hunks: new Map([["Dockerfile", hunksOf(githubPatch("FROM node:20\nRUN ok\n", dockerfile.content))]]), moves: new Map(), changedPaths: new Set(["Dockerfile"]), removedPaths: new Set() },
      config: { ...DEFAULT_CONFIG, onlyNew: false, failOn: "warning" },
      rules: TEST_RULES,
      existing: [],
      notes: [],
    });
    expect(publication.plan.posted.map((f) => f.file)).toEqual(["Dockerfile"]);
    expect(publication.plan.unposted.map((u) => u.finding.file)).toEqual([]);
    expect(publication.output.summary).toContain("Failing: 1 finding at or above");
  });
});

describe("comments to close", () => {
  it("closes ours on audited or deleted files whose finding is gone, never those on a file this run did not read", async () => {
    const { TEST_RULES } = await import("../support/test-rules.js");
    const dockerfile = { path: "a/Dockerfile", content: "FROM node:20\nRUN ok\n" };
    const head = audit([dockerfile], TEST_RULES);
    const base = audit([{ path: "a/Dockerfile", content: "FROM node:20\nRUN BAD\n" }], TEST_RULES);
    const ours = (id: number, path: string) => ({ id, nodeId: `C_${id}`, fingerprint: `fp${id}`, path, hasReplies: false, outdated: false });
    const publication = decidePublication({
      head,
      base,
      // b/Dockerfile changed too but was not read (over limits.max_files); c/Dockerfile was deleted.
      files: { head: [dockerfile], hunks: new Map(), moves: new Map(), changedPaths: new Set(["a/Dockerfile", "b/Dockerfile"]), removedPaths: new Set(["c/Dockerfile"]) },
      config: DEFAULT_CONFIG,
      rules: TEST_RULES,
      existing: [ours(1, "a/Dockerfile"), ours(2, "b/Dockerfile"), ours(3, "c/Dockerfile")],
      notes: [],
    });
    expect(publication.fixedComments.map((c) => c.id)).toEqual([1, 3]);
  });
});

describe("a file the head audit skipped (over a limit)", () => {
  it("fixes none of its base findings and closes none of its comments", async () => {
    const { TEST_RULES } = await import("../support/test-rules.js");
    const config = { ...DEFAULT_CONFIG, limits: { ...DEFAULT_CONFIG.limits, maxFileBytes: 60 } };
    const before = { path: "Dockerfile", content: "FROM node:20\nRUN BAD\n" };
    const after = { path: "Dockerfile", content: `FROM node:20\nRUN BAD\n${"# padding\n".repeat(10)}` };
    const head = audit([after], TEST_RULES, { config });
    const base = audit([before], TEST_RULES, { config });
    expect(head.files[0].skipped).toBeDefined();
    const fp = base.findings[0].fingerprint;
    const publication = decidePublication({
      head,
      base,
      files: { head: [after], hunks: new Map(), moves: new Map(), changedPaths: new Set(["Dockerfile"]), removedPaths: new Set() },
      config,
      rules: TEST_RULES,
      existing: [{ id: 1, nodeId: "C_1", fingerprint: fp, path: "Dockerfile", hasReplies: false, outdated: false }],
      notes: [],
    });
    expect(publication.comparison.fixed).toEqual([]);
    expect(publication.fixedComments).toEqual([]);
  });
});
