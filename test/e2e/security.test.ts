import { createHmac, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GitHubDouble } from "../support/github-double.js";
import { commentPayload, pullRequestPayload, OWNER, REPO } from "../app/support/payloads.js";
import { startAppWithDouble, stopAppWithDouble } from "./app-env.js";
import { ROOT, type RunningServer } from "./server.js";
import { sendWebhook } from "./webhook.js";

/**
 * Security of the real server: webhooks must be signed with the secret, commands obey the
 * collaborator permission, and a PR's content is only ever data: file names with path traversal
 * and shell metacharacters, and scripts that would create files if anything ran them, are audited
 * (ShellCheck included) without anything being run, written, or read on the server.
 */
const SECRET = "security-secret";
let double: GitHubDouble;
let server: RunningServer;
let sandbox: string;

beforeAll(async () => {
  sandbox = mkdtempSync(join(tmpdir(), "dockaudit-security-"));
  ({ double, server } = await startAppWithDouble(SECRET));
}, 60_000);

afterAll(async () => {
  await stopAppWithDouble({ double, server });
  rmSync(sandbox, { recursive: true, force: true });
});

const repo = () => double.repo(OWNER, REPO);

async function post(headers: Record<string, string>, body: string): Promise<number> {
  const res = await fetch(`${server.url}/api/github/webhooks`, { method: "POST", headers: { "content-type": "application/json", "x-github-event": "pull_request", "x-github-delivery": randomUUID(), ...headers }, body });
  await res.text();
  return res.status;
}

describe("webhook signatures", () => {
  it("refuses a missing, forged or mismatched signature with a 4xx and calls no API", async () => {
    double.openPull(OWNER, REPO, { number: 1, base: { Dockerfile: "FROM a\n" }, head: { Dockerfile: "FROM b\n" } });
    const body = JSON.stringify(pullRequestPayload("opened", { number: 1, head: "a".repeat(40), base: "b".repeat(40) }));
    const sign = (text: string, secret = SECRET) => `sha256=${createHmac("sha256", secret).update(text).digest("hex")}`;
    const before = double.requests.length;
    const statuses = [
      await post({}, body),
      await post({ "x-hub-signature-256": sign(body, "guessed-secret") }, body),
      await post({ "x-hub-signature-256": sign(body.replace('"opened"', '"closed"')) }, body),
      await post({ "x-hub-signature-256": "sha256=" + "0".repeat(64) }, body),
      await post({ "x-hub-signature-256": "not-a-signature" }, body),
      await post({ "x-hub-signature": `sha1=${createHmac("sha1", SECRET).update(body).digest("hex")}` }, body),
    ];
    for (const s of statuses) {
      expect(s).toBeGreaterThanOrEqual(400);
      expect(s).toBeLessThan(500);
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(double.requests.length).toBe(before);
    // The same body correctly signed is taken.
    expect(await post({ "x-hub-signature-256": sign(body) }, body)).toBe(200);
  });
});

describe("/dockaudit commands", () => {
  it("runs nothing for a reader or a bot, and answers on a closed PR without running", async () => {
    const pull = double.openPull(OWNER, REPO, { number: 2, base: { Dockerfile: "FROM a\n" }, head: { Dockerfile: "FROM b:1\n" } });
    const r = repo();
    r.permissions.reader = "read";
    r.permissions.writer = "write";
    const checks = () => r.checkRuns.filter((c) => c.head_sha === pull.head).length;
    await sendWebhook(server.url, "issue_comment", commentPayload({ pr: 2, body: "/dockaudit recheck", user: "reader", id: 501 }), SECRET);
    await double.waitFor(() => r.reactions.some((x) => x.commentId === 501), 10_000, "the refusal");
    expect(r.reactions.filter((x) => x.commentId === 501).map((x) => x.content)).toEqual(["confused"]);
    await sendWebhook(server.url, "issue_comment", commentPayload({ pr: 2, body: "/dockaudit recheck", user: "dependabot[bot]", id: 502, bot: true }), SECRET);
    r.pulls.get(2)!.state = "closed";
    await sendWebhook(server.url, "issue_comment", commentPayload({ pr: 2, body: "/dockaudit recheck", user: "writer", id: 503 }), SECRET);
    await double.waitFor(() => r.reactions.some((x) => x.commentId === 503 && x.content === "confused"), 10_000, "the answer on the closed PR");
    await new Promise((res) => setTimeout(res, 500));
    expect(r.reactions.filter((x) => x.commentId === 502)).toEqual([]);
    expect(r.issueComments.filter((c) => c.pull === 2).map((c) => c.body)).toEqual([expect.stringMatching(/closed, so nothing was run/)]);
    expect(checks()).toBe(0);
  }, 30_000);
});

describe("pull request content is data, never code, paths or commands", () => {
  it("audits files named with path traversal and shell metacharacters without running, writing or reading anything", async () => {
    const marker = join(sandbox, "pwned");
    const escaped = join(sandbox, "escaped");
    const sh = `touch ${marker}`;
    const dockerfile = [
      "FROM alpine:3.20",
      `RUN ${sh} && echo $(${sh}) \`${sh}\``,
      `RUN cat <<EOF > /etc/x\n$(${sh})\nEOF`,
      `COPY ../../../../etc/passwd /x`,
      `CMD ["sh", "-c", "${sh}"]`,
      "",
    ].join("\n");
    const compose = [
      "services:",
      "  app:",
      `    build: { context: ../../../../${escaped}, dockerfile: ../../etc/shadow }`,
      `    env_file: /etc/hostname`,
      `    command: sh -c "${sh}; rm -rf /"`,
      `    volumes: ["/:/host", "$(${sh}):/x"]`,
      "",
    ].join("\n");
    const names = [
      `../../../..${escaped}/Dockerfile`,
      "../../etc/passwd/Dockerfile",
      `x/$(${sh})/Dockerfile`,
      `x/\`${sh}\`/Dockerfile`,
      `x/a;${sh};b/Dockerfile`,
      `x/a|${sh}&/docker-compose.yml`,
      `x/'"; ${sh}; echo "/compose.yaml`,
    ];
    const head: Record<string, string> = { README: "x\n" };
    for (const n of names) head[n] = n.endsWith(".yml") || n.endsWith(".yaml") ? compose : dockerfile;
    const before = new Set(readdirSync(ROOT));
    const pull = double.openPull(OWNER, REPO, { number: 3, base: { README: "x\n" }, head });
    await sendWebhook(server.url, "pull_request", pullRequestPayload("opened", { number: 3, head: pull.head, base: pull.base, changedFiles: names.length }), SECRET);
    await double.waitFor(() => repo().checkRuns.some((c) => c.head_sha === pull.head && c.status === "completed"), 30_000, "the audit");
    const check = repo().checkRuns.find((c) => c.head_sha === pull.head)!;
    expect(check.conclusion).toMatch(/success|failure/);
    // The files with metacharacters were audited under their own names; the traversal names were
    // left out or kept as given, never resolved into another path.
    const annotated = new Set(check.annotations.map((a: { path: string }) => a.path));
    for (const n of names.filter((x) => !x.includes(".."))) expect(annotated.has(n)).toBe(true);
    for (const a of annotated) expect(names).toContain(a);
    // ... and nothing ran, nothing was written outside, nothing new appeared beside the server.
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(escaped)).toBe(false);
    expect(readdirSync(sandbox)).toEqual([]);
    expect(readdirSync(ROOT).filter((f) => !before.has(f))).toEqual([]);
    expect(existsSync(join(ROOT, "x"))).toBe(false);
    // The server never read its own files for the PR: /etc/hostname's content is not in anything it published.
    const published = JSON.stringify([check.output, check.annotations, repo().reviewComments]);
    expect(published).not.toContain("root:x:0:0");
    expect(double.problems).toEqual([]);
  }, 60_000);
});
