import nock from "nock";
import { createHash } from "node:crypto";
import { githubPatch } from "../../support/patch.js";
import { operationOf, requestProblems, type OperationId } from "../../support/openapi.js";
import { INSTALLATION, OWNER, REPO } from "./payloads.js";

export const API = "https://api.github.com";
const R = `/repos/${OWNER}/${REPO}`;
/** The app as GitHub describes it on its check runs, and the bot account its comments are written by. */
const APP = { id: 123, slug: "dockaudit", node_id: "A_1", name: "dockaudit" };
const APP_BOT = "dockaudit[bot]";

export interface SentRequest {
  op: OperationId | "graphql" | null;
  method: string;
  path: string;
  body: any;
}

export function blobSha(content: string): string {
  return createHash("sha1").update(`blob ${Buffer.byteLength(content)}\0${content}`).digest("hex");
}

export interface FileChange {
  filename: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied";
  previous_filename?: string;
  before?: string;
  after?: string;
  /** GitHub left the patch out (binary, or a diff too large). */
  noPatch?: boolean;
}

let listening: ((req: { method?: string; path?: string; href?: string }) => void) | null = null;

/**
 * nock interceptors for the GitHub API, one method per route, each consumed once unless told.
 * Every request is recorded, and its body is validated against the operation's schema in GitHub's
 * OpenAPI description; `assertDone()` fails on any pending mock, invalid body or unexpected call.
 */
export class GitHubMock {
  readonly scope = nock(API);
  readonly sent: SentRequest[] = [];
  readonly problems: string[] = [];
  /** `base...head` → the merge base GitHub's compare answers; by default the base itself. */
  private readonly mergeBases = new Map<string, string | { status: number }>();

  constructor() {
    this.scope.on("request", (req: { method: string; path: string }, _interceptor: unknown, body: string) => {
      const parsed = body ? safeJson(body) : undefined;
      const isGraphql = req.path.startsWith("/graphql");
      const op = isGraphql ? "graphql" : operationOf(req.method, req.path);
      if (!op) this.problems.push(`no operation for ${req.method} ${req.path}`);
      else if (op !== "graphql" && req.method !== "GET") this.problems.push(...requestProblems(op, parsed ?? {}));
      this.sent.push({ op, method: req.method, path: req.path, body: parsed });
    });
    // One mock listens at a time: the newest (tests that never call assertDone() leave theirs behind).
    if (listening) nock.emitter.removeListener("no match", listening);
    nock.emitter.on("no match", (listening = this.noMatch));
    this.scope.post(`/app/installations/${INSTALLATION}/access_tokens`).reply(201, { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z", permissions: {} });
    this.scope
      .get((uri) => uri.startsWith(`${R}/compare/`))
      .query(true)
      .optionally()
      .times(Infinity)
      .reply((uri) => {
        const basehead = decodeURIComponent(uri.split("?")[0].slice(`${R}/compare/`.length));
        const [base, head] = basehead.split("...");
        const answer = this.mergeBases.get(basehead);
        if (typeof answer === "object") return [answer.status, { message: "Server Error" }];
        return [200, { status: "ahead", ahead_by: 1, behind_by: 0, total_commits: 1, commits: [], files: [], base_commit: { sha: base }, merge_base_commit: { sha: answer ?? base }, head_commit: { sha: head } }];
      });
  }

  /** The branch point of `head` from `base` (GitHub's `base.sha` is the base branch's tip, not this). */
  mergeBase(base: string, head: string, mergeBase: string | { status: number }): this {
    this.mergeBases.set(`${base}...${head}`, mergeBase);
    return this;
  }

  /** A request no interceptor answers (nock refuses it): an unexpected call, reported by `assertDone()`. */
  private readonly noMatch = (req: { method?: string; path?: string; href?: string }) => {
    this.problems.push(`unexpected ${req.method} ${req.path ?? req.href}`);
  };

  bodies(op: SentRequest["op"]): any[] {
    return this.sent.filter((r) => r.op === op).map((r) => r.body);
  }

  count(op: SentRequest["op"]): number {
    return this.sent.filter((r) => r.op === op).length;
  }

  pull(pr: { number: number; head: string; base: string; state?: "open" | "closed"; draft?: boolean; changedFiles?: number }, times = 1): this {
    this.scope.get(`${R}/pulls/${pr.number}`).times(times).reply(200, {
      number: pr.number,
      state: pr.state ?? "open",
      draft: pr.draft ?? false,
      head: { sha: pr.head, ref: "feature", repo: { full_name: `${OWNER}/${REPO}` } },
      base: { sha: pr.base, ref: "main", repo: { full_name: `${OWNER}/${REPO}` } },
      changed_files: pr.changedFiles ?? 1,
    });
    return this;
  }

  /** `.github/dockaudit.yml`: the text, or absent (404 in the repo and in the owner's .github repo). */
  config(text: string | null): this {
    const path = `/contents/${encodeURIComponent(".github/dockaudit.yml")}`;
    if (text === null) {
      this.scope.get(`${R}${path}`).reply(404, { message: "Not Found" });
      this.scope.get(`/repos/${OWNER}/.github${path}`).reply(404, { message: "Not Found" });
    } else {
      this.scope.get(`${R}${path}`).reply(200, text, { "content-type": "application/vnd.github.raw; charset=utf-8" });
      // Read again for the lines of its problems when it is invalid.
      this.scope.get(`${R}${path}`).optionally().reply(200, text, { "content-type": "application/vnd.github.raw; charset=utf-8" });
    }
    return this;
  }

  /** `.github/dockaudit.yml` at a commit (the PR head's), as the config plugin reads it with `ref`; null → 404. */
  configAt(ref: string, text: string | null): this {
    const interceptor = this.scope.get(`${R}/contents/${encodeURIComponent(".github/dockaudit.yml")}`).query({ ref });
    if (text === null) interceptor.reply(404, { message: "Not Found" });
    else {
      interceptor.reply(200, text, { "content-type": "application/vnd.github.raw; charset=utf-8" });
      // Read again for the lines of its problems when it is invalid.
      this.scope.get(`${R}/contents/${encodeURIComponent(".github/dockaudit.yml")}`).query({ ref }).optionally().reply(200, text, { "content-type": "application/vnd.github.raw; charset=utf-8" });
    }
    return this;
  }

  /** The PR's files, 100 per page with Link headers like GitHub's. */
  files(pr: number, changes: readonly FileChange[], opts: { moreAfter?: boolean } = {}): this {
    const entries = changes.map((c) => ({
      sha: c.status === "removed" ? "0".repeat(40) : blobSha(c.after ?? ""),
      filename: c.filename,
      status: c.status,
      additions: 1,
      deletions: 0,
      changes: 1,
      blob_url: "",
      raw_url: "",
      contents_url: "",
      ...(c.previous_filename ? { previous_filename: c.previous_filename } : {}),
      ...(c.before !== undefined || c.after !== undefined ? patchOf(c) : {}),
    }));
    const pages = Math.max(1, Math.ceil(entries.length / 100));
    for (let page = 1; page <= pages; page++) {
      const query: Record<string, string> = page === 1 ? { per_page: "100" } : { per_page: "100", page: String(page) };
      const link: Record<string, string> = page < pages || opts.moreAfter ? { link: `<${API}${R}/pulls/${pr}/files?per_page=100&page=${page + 1}>; rel="next", <${API}${R}/pulls/${pr}/files?per_page=100&page=${pages}>; rel="last"` } : {};
      this.scope.get(`${R}/pulls/${pr}/files`).query(query).reply(200, entries.slice((page - 1) * 100, page * 100), link);
    }
    return this;
  }

  /** `symlinks`: paths that are symbolic links (mode 120000), their content the target path. */
  tree(sha: string, files: Record<string, string>, truncated = false, symlinks: readonly string[] = []): this {
    const tree = Object.entries(files).map(([path, content]) => ({ path, mode: symlinks.includes(path) ? "120000" : "100644", type: "blob", sha: blobSha(content), size: Buffer.byteLength(content), url: "" }));
    this.scope.get(`${R}/git/trees/${sha}`).query({ recursive: "1" }).reply(200, { sha, url: "", tree, truncated });
    return this;
  }

  blobs(contents: readonly string[]): this {
    for (const content of contents) {
      const sha = blobSha(content);
      this.scope.get(`${R}/git/blobs/${sha}`).reply(200, { sha, size: Buffer.byteLength(content), encoding: "base64", content: Buffer.from(content).toString("base64"), url: "", node_id: "" });
    }
    return this;
  }

  /**
   * The opening of a run on a PR that adds `files` (path → content) and has no config: the PR, the
   * config lookups, the new check run, the file list, the head tree and the blobs of the files.
   */
  openedAdding(pr: { number: number; head: string; base: string }, files: Record<string, string>): this {
    return this.pull(pr)
      .config(null)
      .checkCreate()
      .files(pr.number, Object.entries(files).map(([filename, after]) => ({ filename, status: "added" as const, after })))
      .tree(pr.head, files)
      .blobs(Object.values(files));
  }

  /** A file at a commit through the contents API; null → 404. */
  contentAt(path: string, ref: string, content: string | null): this {
    const interceptor = this.scope.get((uri) => decodeURIComponent(uri.split("?")[0]) === `${R}/contents/${path}`).query({ ref });
    if (content === null) interceptor.reply(404, { message: "Not Found" });
    else interceptor.reply(200, { type: "file", encoding: "base64", size: Buffer.byteLength(content), name: path.split("/").pop(), path, content: Buffer.from(content).toString("base64"), sha: blobSha(content), url: "", git_url: null, html_url: null, download_url: null, _links: { self: "", git: null, html: null } });
    return this;
  }

  checkCreate(id = 7): this {
    this.scope.post(`${R}/check-runs`).reply(201, { id, name: "dockaudit", status: "in_progress", app: APP });
    return this;
  }

  checkUpdates(id = 7, times = 1): this {
    this.scope.patch(`${R}/check-runs/${id}`).times(times).reply(200, { id, app: APP });
    return this;
  }

  /** `bot: false`: a user wrote it; `login`: another account than the app's bot (a Bot unless `bot: false`). */
  reviewComments(pr: number, comments: readonly { id: number; body: string; path: string; line?: number | null; inReplyTo?: number; bot?: boolean; login?: string }[]): this {
    this.scope
      .get(`${R}/pulls/${pr}/comments`)
      .query({ per_page: "100" })
      .reply(
        200,
        comments.map((c) => ({ id: c.id, node_id: `C_${c.id}`, body: c.body, path: c.path, line: c.line === undefined ? 1 : c.line, in_reply_to_id: c.inReplyTo, user: { login: c.login ?? (c.bot === false ? "someone" : APP_BOT), type: c.bot === false ? "User" : "Bot" } })),
      );
    return this;
  }

  createReview(pr: number): this {
    this.scope.post(`${R}/pulls/${pr}/reviews`).reply(200, { id: 99 });
    return this;
  }

  /** GraphQL: one page of review threads, then `resolveCount` resolutions. */
  graphqlThreads(threads: readonly { id: string; firstCommentId: number; isResolved?: boolean }[], resolveCount: number): this {
    this.scope.post("/graphql", (b: { query: string }) => b.query.includes("reviewThreads")).reply(200, {
      data: { repository: { pullRequest: { reviewThreads: { nodes: threads.map((t) => ({ id: t.id, isResolved: !!t.isResolved, comments: { nodes: [{ databaseId: t.firstCommentId }] } })), pageInfo: { hasNextPage: false, endCursor: null } } } } },
    });
    if (resolveCount) this.scope.post("/graphql", (b: { query: string }) => b.query.includes("resolveReviewThread")).times(resolveCount).reply(200, { data: { resolveReviewThread: { thread: { id: "x", isResolved: true } } } });
    return this;
  }

  deleteComment(id: number): this {
    this.scope.delete(`${R}/pulls/comments/${id}`).reply(204);
    return this;
  }

  permission(user: string, permission: "admin" | "write" | "read" | "none"): this {
    this.scope.get(`${R}/collaborators/${user}/permission`).reply(200, { permission, role_name: permission, user: { login: user } });
    return this;
  }

  reaction(commentId: number, times = 1): this {
    this.scope.post(`${R}/issues/comments/${commentId}/reactions`).times(times).reply(201, { id: 1, content: "eyes" });
    return this;
  }

  reviewCommentReaction(commentId: number, times = 1): this {
    this.scope.post(`${R}/pulls/comments/${commentId}/reactions`).times(times).reply(201, { id: 1, content: "eyes" });
    return this;
  }

  issueComment(pr: number): this {
    this.scope.post(`${R}/issues/${pr}/comments`).reply(201, { id: 500 });
    return this;
  }

  /**
   * Our runs in a suite, oldest first. As GitHub lists them: `filter=latest` (the default) keeps
   * only the newest run of each name in the suite.
   */
  listForSuite(suiteId: number, externalIds: readonly string[], headSha = "1".repeat(40)): this {
    const runs = externalIds.map((e, i) => ({ id: 100 + i, name: "dockaudit", external_id: e, head_sha: headSha, app: APP }));
    this.scope
      .get(`${R}/check-suites/${suiteId}/check-runs`)
      .query(true)
      .reply((uri) => {
        const listed = new URL(uri, "https://api.github.com").searchParams.get("filter") === "all" ? runs : runs.slice(-1);
        return [200, { total_count: listed.length, check_runs: listed }];
      });
    return this;
  }

  /** Every interceptor consumed, every body valid, no call to an unknown route. */
  assertDone(): void {
    nock.emitter.removeListener("no match", this.noMatch);
    expect(this.problems).toEqual([]);
    expect(this.scope.pendingMocks()).toEqual([]);
  }
}

function patchOf(c: FileChange): { patch?: string } {
  const patch = c.status === "removed" || c.noPatch ? undefined : githubPatch(c.before ?? "", c.after ?? "");
  return patch ? { patch } : {};
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
