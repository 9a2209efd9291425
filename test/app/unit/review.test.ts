import { applyFixes, audit, maskSecret, type Finding } from "../../../src/engine/index.js";
import { boundedCommentBody, commentBody, MAX_COMMENT_BODY } from "../../../src/app/review/comment-body.js";
import { inertReferences } from "../../../src/formatters/markdown/text.js";
import parseDiff from "parse-diff";
import { hunksOf, placeInHunks } from "../../../src/app/review/diff-lines.js";
import { fingerprintMarker, markerOf } from "../../../src/app/review/marker.js";
import { maskSecrets, secretsOf } from "../../../src/app/review/mask.js";
import { planReview, reviewBody } from "../../../src/app/review/plan-review.js";
import { suggestionBlock, suggestionText } from "../../../src/app/review/suggestion.js";
import { githubPatch } from "../../support/patch.js";
import { TEST_RULES } from "../support/test-rules.js";
import restartPolicyMissing from "../../../rules/compose/restart-policy-missing.js";
import versionFieldObsolete from "../../../rules/compose/version-field-obsolete.js";
import duplicateSingleton from "../../../rules/dockerfile/duplicate-singleton-instruction.js";
import pointlessCommand from "../../../rules/dockerfile/pointless-command.js";
import { seededRandom } from "../../support/faults.js";

/** Half of a character outside the BMP: not valid Unicode, and no valid UTF-8 in the request GitHub parses. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const PATCH = "@@ -1,3 +1,4 @@\n FROM node:20\n-RUN a\n+RUN b\n+RUN c\n CMD x\n@@ -20,2 +21,3 @@ tail\n x\n+y\n z";

describe("diff hunks", () => {
  it("gives the right-side span of each hunk", () => {
    expect(hunksOf(PATCH)).toEqual([
      { start: 1, end: 4, base: { start: 1, end: 3 } },
      { start: 21, end: 23, base: { start: 20, end: 21 } },
    ]);
    expect(hunksOf("@@ -3 +3 @@\n-a\n+b\n@@ -9,2 +9,0 @@\n-x\n-y")).toEqual([{ start: 3, end: 3, base: { start: 3, end: 3 } }]);
    expect(hunksOf("@@ -0,0 +1,2 @@\n+a\n+b")).toEqual([{ start: 1, end: 2, base: { start: 0, end: -1 } }]);
    expect(hunksOf(undefined)).toEqual([]);
  });

  it("reads the hunks parse-diff reads, on 500 random edits", () => {
    const draw = seededRandom(5);
    const random = (n: number) => Math.floor(draw() * n);
    const text = () => Array.from({ length: random(40) }, () => ["FROM a", "RUN b", "@@ -1 +1 @@", "", "ENV c=d", "+x", "-y"][random(7)]).join("\n");
    for (let i = 0; i < 500; i++) {
      const patch = githubPatch(text(), text());
      const theirs = (parseDiff(patch)[0]?.chunks ?? [])
        .filter((c) => c.newLines > 0)
        .map((c) => ({ start: c.newStart, end: c.newStart + c.newLines - 1, base: { start: c.oldStart, end: c.oldStart + c.oldLines - 1 } }));
      expect(hunksOf(patch)).toEqual(theirs);
    }
  });

  it("reads a patch of a megabyte line by line, long lines and many hunks included", () => {
    const long = `@@ -0,0 +1,2 @@\n+${"diff --git a/".repeat(80_000)}\n+@@ -1 +1 @@`;
    expect(hunksOf(long)).toEqual([{ start: 1, end: 2, base: { start: 0, end: -1 } }]);
    const many = Array.from({ length: 50_000 }, (_, i) => `@@ -${2 * i + 1} +${2 * i + 1} @@\n-a\n+b`).join("\n");
    expect(hunksOf(many)).toHaveLength(50_000);
  });

  it("places a comment on the whole span when one hunk holds it, else on the part inside a hunk, else nowhere", () => {
    const hunks = hunksOf(PATCH);
    expect(placeInHunks(hunks, 2, 3)).toEqual({ span: { startLine: 2, line: 3 }, whole: true });
    expect(placeInHunks(hunks, 3, 3)).toEqual({ span: { line: 3 }, whole: true });
    expect(placeInHunks(hunks, 3, 8)).toEqual({ span: { startLine: 3, line: 4 }, whole: false });
    expect(placeInHunks(hunks, 10, 12)).toBeNull();
    expect(placeInHunks(hunks, 4, 21)).toEqual({ span: { line: 4 }, whole: false });
  });
});

describe("suggestions", () => {
  const content = "FROM node:latest AS build\nRUN x\n";
  const [latest] = audit([{ path: "Dockerfile", content }], TEST_RULES).findings;

  it("rewrites exactly the commented lines with the fix applied", () => {
    expect(suggestionText(latest, content, 1, 1)).toBe("FROM node:1.0 AS build\n");
  });

  it("refuses a fix that reaches outside the lines, a fix-less finding, a secret, or text with a secret", () => {
    expect(suggestionText(latest, content, 2, 2)).toBeNull();
    expect(suggestionText({ ...latest, fix: undefined }, content, 1, 1)).toBeNull();
    expect(suggestionText({ ...latest, secret: "x" }, content, 1, 1)).toBeNull();
    expect(suggestionText(latest, content, 1, 1, ["AS build"])).toBeNull();
  });

  it("fences the block longer than any backticks inside", () => {
    expect(suggestionBlock("a\n")).toBe("```suggestion\na\n```");
    expect(suggestionBlock("x ``` y\n")).toBe("````suggestion\nx ``` y\n````");
  });
});

describe("markers and masking", () => {
  it("round-trips the fingerprint marker", () => {
    expect(markerOf(`text\n\n${fingerprintMarker("abc123")}`)).toBe("abc123");
    expect(markerOf("no marker")).toBeNull();
    // A message quoting the pull request's text comes before the marker, and can quote a marker too (in a code span).
    const f = audit([{ path: "Dockerfile", content: "FROM node:latest\n" }], TEST_RULES).findings[0];
    const quoting = { ...f, message: "Image `<!-- dockaudit:fp=forged -->` has no tag." };
    expect(markerOf(commentBody(quoting, "why", null))).toBe(f.fingerprint);
  });

  it("masks every secret the findings carry, longest first, but none of a few characters", () => {
    const secrets = secretsOf([{ secret: "hunter2" } as Finding, { secret: "hunter2-long" } as Finding, { secret: "ab" } as Finding]);
    expect(secrets).toEqual(["hunter2-long", "hunter2"]);
    expect(maskSecrets("a hunter2-long b hunter2", secrets)).toBe(`a ${maskSecret("hunter2-long")} b ${maskSecret("hunter2")}`);
  });

  it("leaves out well-known defaults and values that name a service or its image", () => {
    const findings = ["Zx81Qw92Lp00", "changeme", "temporal", "grafana"].map((secret) => ({ secret }) as Finding);
    const services = [{ name: "temporal-admin", image: "temporalio/server:1.24" }, { name: "web", image: "grafana/grafana:11" }, { name: "db", image: null }];
    expect(secretsOf(findings, services)).toEqual(["Zx81Qw92Lp00"]);
  });
});

describe("planReview", () => {
  const before = "FROM node:20\nRUN ok\n";
  const after = "FROM node:latest\nRUN ok\nRUN BAD a\nRUN BAD b\nENV PASSWORD=s3cr3tvalue\n# FILELEVEL\n";
  const report = audit([{ path: "Dockerfile", content: after }], TEST_RULES);
  const input = {
    findings: report.findings,
    hunks: new Map([["Dockerfile", hunksOf(githubPatch(before, after))]]),
    contents: new Map([["Dockerfile", after]]),
    existing: new Set<string>(),
    maxComments: 25,
    describe: (id: string) => `why ${id}`,
    secrets: secretsOf(report.findings),
  };

  it("comments the findings on diff lines, most severe first, and sends the rest to the summary with a reason", () => {
    const plan = planReview(input);
    expect(plan.comments.map((c) => c.line)).toEqual([3, 4, 5, 1]);
    expect(plan.unposted.map((u) => [u.finding.ruleId, u.reason])).toEqual([["t-file", "file-level"]]);
    for (const c of plan.comments) expect(c).toMatchObject({ side: "RIGHT", path: "Dockerfile" });
    expect(JSON.stringify(plan.comments)).not.toContain("s3cr3tvalue");
  });

  it("skips findings already commented and caps the comments", () => {
    const first = report.findings.find((f) => f.ruleId === "t-bad")!;
    const plan = planReview({ ...input, existing: new Set([first.fingerprint]), maxComments: 1 });
    expect(plan.alreadyCommented).toEqual([first]);
    expect(plan.comments).toHaveLength(1);
    expect(plan.unposted.filter((u) => u.reason === "over-cap")).toHaveLength(2);
    expect(reviewBody(plan, 1)).toContain("2 more could not be commented inline (at most 1 comments per run)");
  });

  it("puts findings on unchanged lines outside the diff", () => {
    const plan = planReview({ ...input, hunks: new Map([["Dockerfile", [{ start: 5, end: 6 }]]]) });
    expect(plan.unposted.filter((u) => u.reason === "outside-diff").map((u) => u.finding.range?.start.line)).toEqual([3, 4, 1]);
  });

  it("writes what, why, the doc link, the fix and the marker in a comment", () => {
    const f = report.findings.find((x) => x.ruleId === "t-latest")!;
    const body = commentBody(f, "Tags should be pinned.", "FROM node:1.0\n");
    expect(body).toContain("**t-latest** (TT001 · warning · maintainability)");
    expect(body).toContain("**Why:** Tags should be pinned. [Rule documentation](");
    expect(body).toContain("**Suggested fix:** Pin version 1.0\n\n```suggestion\nFROM node:1.0\n```");
    expect(body.endsWith(fingerprintMarker(f.fingerprint))).toBe(true);
    expect(commentBody(f, undefined, null)).toContain("**Fix:** Pin version 1.0");
  });

  it("keeps each comment under GitHub's body limit: the suggestion goes first, then the texts are shortened", () => {
    const f = report.findings.find((x) => x.ruleId === "t-latest")!;
    const asIs = (text: string) => text;
    expect(boundedCommentBody(f, "why", "FROM node:1.0", asIs)).toBe(commentBody(f, "why", "FROM node:1.0"));

    const long = boundedCommentBody(f, "why", `FROM node:1.0 ${"x".repeat(70_000)}`, asIs);
    expect(long).toBe(commentBody(f, "why", null));
    expect(long).toContain("**Fix:** Pin version 1.0");

    const huge = { ...f, message: `Image ${"y".repeat(100_000)} has no tag.` };
    const shortened = boundedCommentBody(huge, "why", `FROM ${"y".repeat(100_000)}`, asIs);
    expect(shortened.length).toBeLessThanOrEqual(MAX_COMMENT_BODY);
    expect(shortened).toContain("… (shortened; the check run's annotation has more)");
    expect(shortened.endsWith(fingerprintMarker(f.fingerprint))).toBe(true);
  });

  it("shortens a long message without splitting a character GitHub would get half of", () => {
    const f = report.findings.find((x) => x.ruleId === "t-latest")!;
    const huge = { ...f, message: `a${"😀".repeat(40_000)}`, fix: f.fix && { ...f.fix, description: `b${"😀".repeat(40_000)}` } };
    const body = boundedCommentBody(huge, "why", null, (text) => text);
    expect(body).toContain("… (shortened; the check run's annotation has more)");
    expect(body).not.toMatch(LONE_SURROGATE);
  });

  it("plans a comment on a line of 70,000 characters without the suggestion that would not fit", () => {
    const wide = `FROM node:latest AS ${"b".repeat(70_000)}\n`;
    const findings = audit([{ path: "Dockerfile", content: wide }], TEST_RULES).findings.filter((f) => f.ruleId === "t-latest");
    const plan = planReview({ ...input, findings, hunks: new Map([["Dockerfile", [{ start: 1, end: 1 }]]]), contents: new Map([["Dockerfile", wide]]), secrets: [] });
    expect(plan.comments).toHaveLength(1);
    expect(plan.comments[0].body.length).toBeLessThanOrEqual(MAX_COMMENT_BODY);
    expect(plan.comments[0].body).not.toContain("```suggestion");
    expect(plan.comments[0].body).toContain("**Fix:** Pin version 1.0");
  });

  it("keeps @mentions and issue references from the pull request's text inert in a comment", () => {
    const f = report.findings.find((x) => x.ruleId === "t-latest")!;
    const crafted = { ...f, message: "Service `a` @victim `b` uses image `x` #12 and org/repo#3.", fix: f.fix && { ...f.fix, description: "ask @owner" } };
    const body = commentBody(crafted, "why", null);
    expect(body).not.toMatch(/@victim|#12|#3|@owner/);
    expect(body).toContain("@\u2060victim");
    expect(body).toContain("#\u206012");
    expect(inertReferences("node@20, sha256@x, `#` a-#b, # comment, @ alone")).toBe("node@20, sha256@x, `#` a-#b, # comment, @ alone");
  });

  it("shows markup the pull request's text brings into a comment as written, as the summary does", () => {
    const f = report.findings.find((x) => x.ruleId === "t-latest")!;
    const crafted = { ...f, message: "Port <img src=https://x.test/t.png> **b** [l](https://x.test)\n# heading `<b>` kept", fix: f.fix && { ...f.fix, description: "Publish <b>80</b>\r\n---" } };
    const body = commentBody(crafted, "why", null);
    expect(body).not.toMatch(/(?<!\\)<img|\*\*b\*\*|(?<!\\)<b>80|\n# heading|\n---/);
    expect(body).toContain("Port \\<img src=https://x.test/t.png\\> \\*\\*b\\*\\* \\[l\\](https://x.test) # heading `<b>` kept");
    expect(body).toContain("**Fix:** Publish \\<b\\>80\\</b\\> ---");
  });

  it("widens the comment over the lines its fix edits beside the finding, when one hunk holds them, for a one-click suggestion", () => {
    const content = "services:\n  api:\n    image: app:1\n";
    const f = {
      ...report.findings[0],
      file: "compose.yaml",
      range: { start: { line: 2, column: 3 }, end: { line: 2, column: 6 } },
      fix: { description: "Add a restart policy", edits: [{ range: { start: { line: 3, column: 1 }, end: { line: 3, column: 1 } }, text: "    restart: unless-stopped\n" }] },
    } as Finding;
    const plan = (hunks: { start: number; end: number }[]) =>
      planReview({ ...input, findings: [f], hunks: new Map([["compose.yaml", hunks]]), contents: new Map([["compose.yaml", content]]) }).comments[0];
    const whole = plan([{ start: 1, end: 3 }]);
    expect(whole).toMatchObject({ start_line: 2, line: 3 });
    expect(whole.body).toContain("```suggestion\n  api:\n    restart: unless-stopped\n    image: app:1\n```");
    // The key goes in after line 2's line break: a suggestion on line 2 alone writes it too.
    const onlyTheKey = plan([{ start: 1, end: 2 }]);
    expect(onlyTheKey.line).toBe(2);
    expect(onlyTheKey.start_line).toBeUndefined();
    expect(onlyTheKey.body).toContain("```suggestion\n  api:\n    restart: unless-stopped\n```");
  });

  it("suggests a service key added after the service's last entry over the service's own lines only", () => {
    const content = "services:\n  api:\n    image: app:1\n    ports:\n      - \"127.0.0.1:80:80\"\n  db:\n    image: postgres:16\n    restart: always\n";
    const f = audit([{ path: "compose.yaml", content }], [restartPolicyMissing]).findings.find((x) => x.service === "api")!;
    const comment = planReview({ ...input, findings: [f], hunks: new Map([["compose.yaml", [{ start: 1, end: 5 }]]]), contents: new Map([["compose.yaml", content]]) }).comments[0];
    expect(comment).toMatchObject({ start_line: 2, line: 5 });
    expect(comment.body).toContain("```suggestion\n  api:\n    image: app:1\n    ports:\n      - \"127.0.0.1:80:80\"\n    restart: unless-stopped\n```");
  });

  /**
   * What committing a comment's suggestion makes of the file on GitHub: the block's lines replace
   * the commented lines, an empty block deletes them, and the file's last line keeps whether it
   * ended with a line break (a suggestion can neither add nor remove that one).
   */
  function committed(content: string, comment: { line: number; start_line?: number; body: string }): string {
    const fence = /^(`{3,})suggestion\n([\s\S]*?)^\1$/m.exec(comment.body)!;
    const block = fence[2] === "" ? [] : fence[2].replace(/\n$/, "").split("\n");
    const eol = content.endsWith("\n");
    const lines = (eol ? content.slice(0, -1) : content).split("\n");
    const first = comment.start_line ?? comment.line;
    const out = [...lines.slice(0, first - 1), ...block, ...lines.slice(comment.line)];
    return out.join("\n") + (eol ? "\n" : "");
  }

  const wholeFile = (content: string) => [{ start: 1, end: content.replace(/\n$/, "").split("\n").length }];
  it.each([
    ["a pointless RUN on the last line", "FROM alpine:3.19\nUSER app\nRUN ps\n", 3, 3],
    ["a pointless RUN before the last line", "FROM alpine:3.19\nRUN ps\nUSER app", 2, 2],
    ["an overridden CMD above the last one", "FROM alpine:3.19\nCMD [\"a\"]\nCMD [\"b\"]", 2, 2],
    ["an overridden CMD over two lines", "FROM alpine:3.19\nCMD [\"a\", \\\n  \"b\"]\nCMD [\"c\"]\n", 2, 3],
    ["a pointless RUN before a blank last line", "FROM alpine:3.19\nRUN ps\n\n", 2, 2],
    ["an obsolete version line with the blank line after it", "version: \"3.8\"\n\nservices:\n  web:\n    image: nginx:1.27\n", 1, 2],
  ])("suggests deleting the lines of %s so that committing it gives the fixed file", (_what, content, first, last) => {
    const path = content.startsWith("version") ? "compose.yaml" : "Dockerfile";
    const findings = audit([{ path, content }], [pointlessCommand, duplicateSingleton, versionFieldObsolete]).findings.filter((f) => f.fix);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    const [comment] = planReview({ ...input, findings, hunks: new Map([[path, wholeFile(content)]]), contents: new Map([[path, content]]) }).comments;
    expect(comment.body).toMatch(/```suggestion\n```/);
    expect({ first: comment.start_line ?? comment.line, last: comment.line }).toEqual({ first, last });
    expect(committed(content, comment)).toBe(applyFixes(content, [f]).output);
  });
});
