import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { hunksOf } from "../../src/app/review/diff-lines.js";
import { githubPatch } from "./patch.js";
import { requestProblems, type OperationId } from "./openapi.js";

/**
 * A GitHub API double on loopback for end-to-end tests and benchmarks: the routes dockaudit uses,
 * programmable state (repositories as commits of files, pull requests, config, permissions), a log
 * of every request with its route and status, latency and fault hooks, and GitHub's own checks
 * where they matter (a review comment outside the diff is a 422, at most 50 annotations a request).
 * Serves both `/api/v3/...` (GHE_HOST) and bare paths.
 */

export type Files = Record<string, string>;

export interface DoublePull {
  number: number;
  state: "open" | "closed";
  draft: boolean;
  head: string;
  base: string;
}

export interface DoubleCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  external_id: string | null;
  output: { title?: string; summary?: string };
  annotations: any[];
  actions: any[];
  updates: number;
}

export interface DoubleReviewComment {
  id: number;
  node_id: string;
  pull: number;
  path: string;
  line: number;
  start_line?: number;
  body: string;
  commit_id: string;
  in_reply_to_id?: number;
  user: { login: string; type: "Bot" | "User" };
  resolved: boolean;
}

export interface DoubleRepo {
  owner: string;
  repo: string;
  commits: Map<string, Files>;
  pulls: Map<number, DoublePull>;
  /** `.github/dockaudit.yml` on the default branch; null = absent. */
  config: string | null;
  permissions: Record<string, "admin" | "write" | "read" | "none">;
  checkRuns: DoubleCheckRun[];
  reviews: { id: number; pull: number; commit_id: string; event: string; body: string; comments: number }[];
  reviewComments: DoubleReviewComment[];
  issueComments: { id: number; pull: number; body: string }[];
  reactions: { commentId: number; content: string }[];
}

export interface LoggedRequest {
  method: string;
  path: string;
  /** The query string, with its `?` ("" when none). */
  search: string;
  /** Route template, e.g. `GET /repos/{owner}/{repo}/pulls/{pull_number}/files`. */
  route: string;
  status: number;
  body: unknown;
  at: number;
}

export interface Fault {
  /** Answer with this status (and `body`, `headers`) instead of the normal answer; unset = the normal answer. */
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Delay before answering, ms (a timeout when longer than the client waits). */
  delayMs?: number;
  /** Runs just before the request is answered: change the state under it (a push between fetch and publish). */
  before?: () => void;
}

/** The request a fault hook is asked about. */
export interface FaultRequest {
  method: string;
  path: string;
  route: string;
  body: unknown;
}

export interface DoubleOptions {
  /** Delay added to every answer, ms. */
  latencyMs?: number;
  /** Check every request body against GitHub's OpenAPI description (default true). */
  validate?: boolean;
}

type Params = Record<string, string>;
type Handler = (ctx: { params: Params; query: URLSearchParams; body: any; req: IncomingMessage }) => { status: number; body?: unknown; headers?: Record<string, string>; raw?: string };

interface Route {
  method: string;
  template: string;
  op: OperationId | null;
  pattern: RegExp;
  names: string[];
  handle: Handler;
}

/** The app every check run of the double belongs to; its comments are written by `dockaudit[bot]`. */
const DOUBLE_APP = { id: 123, slug: "dockaudit", node_id: "A_123", name: "dockaudit" };

export function blobSha(content: string): string {
  return createHash("sha1").update(`blob ${Buffer.byteLength(content)}\0${content}`).digest("hex");
}

export class GitHubDouble {
  readonly repos = new Map<string, DoubleRepo>();
  readonly requests: LoggedRequest[] = [];
  /** Request bodies that do not match GitHub's schema. */
  readonly problems: string[] = [];
  latencyMs: number;
  /** Return a Fault to answer a request with it instead of the normal answer (issue 6's fault injection). */
  fault: ((req: FaultRequest) => Fault | null) | null = null;
  /** Requests answered with an injected status, in order (see test/support/faults.ts). */
  readonly injected: (LoggedRequest & { fault: Fault })[] = [];
  private server: Server | null = null;
  private readonly blobs = new Map<string, string>();
  private readonly filesCache = new Map<string, any[]>();
  private routes: Route[] = [];
  private nextId = 1000;
  private readonly validate: boolean;

  constructor(options: DoubleOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0;
    this.validate = options.validate ?? true;
    this.defineRoutes();
  }

  /** `127.0.0.1:PORT`, for GHE_HOST (with GHE_PROTOCOL=http). */
  get host(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error("the double is not listening");
    return `127.0.0.1:${address.port}`;
  }

  get url(): string {
    return `http://${this.host}`;
  }

  async listen(port = 0): Promise<this> {
    this.server = createServer((req, res) => void this.serve(req, res));
    // Clients keep connections open across a long audit; Node's 5 s default would close them under a reused socket.
    this.server.keepAliveTimeout = 65_000;
    this.server.headersTimeout = 66_000;
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    return this;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections?.();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  addRepo(owner: string, repo: string): DoubleRepo {
    const r: DoubleRepo = { owner, repo, commits: new Map(), pulls: new Map(), config: null, permissions: {}, checkRuns: [], reviews: [], reviewComments: [], issueComments: [], reactions: [] };
    this.repos.set(`${owner}/${repo}`, r);
    return r;
  }

  repo(owner: string, repo: string): DoubleRepo {
    const r = this.repos.get(`${owner}/${repo}`);
    if (!r) throw new Error(`no repository ${owner}/${repo} in the double`);
    return r;
  }

  /** Adds a commit and a PR from `base` to `head` (both file maps), returns the PR. */
  openPull(owner: string, repo: string, pr: { number: number; base: Files; head: Files; baseSha?: string; headSha?: string; draft?: boolean }): DoublePull {
    const r = this.repos.get(`${owner}/${repo}`) ?? this.addRepo(owner, repo);
    const baseSha = pr.baseSha ?? commitSha(pr.base);
    const headSha = pr.headSha ?? commitSha(pr.head);
    this.addCommit(r, baseSha, pr.base);
    this.addCommit(r, headSha, pr.head);
    const pull: DoublePull = { number: pr.number, state: "open", draft: pr.draft ?? false, head: headSha, base: baseSha };
    r.pulls.set(pr.number, pull);
    return pull;
  }

  /** Moves a PR's head to new files (a push). */
  push(owner: string, repo: string, number: number, head: Files, headSha?: string): string {
    const r = this.repo(owner, repo);
    const sha = headSha ?? commitSha(head);
    this.addCommit(r, sha, head);
    r.pulls.get(number)!.head = sha;
    return sha;
  }

  /** Records a commit's files and indexes their blobs. */
  addCommit(r: DoubleRepo, sha: string, files: Files): void {
    r.commits.set(sha, files);
    for (const content of Object.values(files)) this.blobs.set(blobSha(content), content);
  }

  /** Requests by route template, e.g. `{ "GET /repos/{owner}/{repo}/git/blobs/{file_sha}": 3 }`. */
  countByRoute(since = 0): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const r of this.requests.slice(since)) counts[r.route] = (counts[r.route] ?? 0) + 1;
    return counts;
  }

  async waitFor(predicate: () => boolean, timeoutMs = 10_000, what = "condition"): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** The files a PR changes, as GitHub's PR-files API lists them. */
  pullFiles(r: DoubleRepo, pull: DoublePull): any[] {
    const key = `${r.owner}/${r.repo}:${pull.base}..${pull.head}`;
    const cached = this.filesCache.get(key);
    if (cached) return cached;
    const files = this.computePullFiles(r, pull);
    this.filesCache.set(key, files);
    return files;
  }

  private computePullFiles(r: DoubleRepo, pull: DoublePull): any[] {
    const base = r.commits.get(pull.base) ?? {};
    const head = r.commits.get(pull.head) ?? {};
    const paths = [...new Set([...Object.keys(base), ...Object.keys(head)])].sort();
    const out: any[] = [];
    for (const path of paths) {
      const before = base[path];
      const after = head[path];
      if (before === after) continue;
      const status = before === undefined ? "added" : after === undefined ? "removed" : "modified";
      const patch = status === "removed" ? githubPatch(before ?? "", "") : githubPatch(before ?? "", after ?? "");
      out.push({ sha: after === undefined ? blobSha(before!) : blobSha(after), filename: path, status, additions: 0, deletions: 0, changes: 0, blob_url: "", raw_url: "", contents_url: "", ...(patch ? { patch } : {}) });
    }
    return out;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const body = text ? safeJson(text) : undefined;
    const url = new URL(req.url ?? "/", "http://double");
    const path = url.pathname.replace(/^\/api\/v3(?=\/)/, "").replace(/^\/api\/graphql$/, "/graphql");
    const method = req.method ?? "GET";
    const route = this.routes.find((r) => r.method === method && r.pattern.test(path));
    const template = route ? `${method} ${route.template}` : `${method} ${path}`;
    const entry: LoggedRequest = { method, path, search: url.search, route: template, status: 0, body, at: Date.now() };
    this.requests.push(entry);
    if (this.validate && route?.op && method !== "GET") this.problems.push(...requestProblems(route.op, body ?? {}));
    const fault = this.fault?.({ method, path, route: template, body }) ?? null;
    const delay = (fault?.delayMs ?? 0) + this.latencyMs;
    if (delay) await new Promise((r) => setTimeout(r, delay));
    fault?.before?.();
    let answer: ReturnType<Handler>;
    if (fault?.status !== undefined) {
      answer = { status: fault.status, body: fault.body ?? { message: `injected ${fault.status}` }, headers: fault.headers };
      this.injected.push({ ...entry, fault });
    }
    else if (!route) answer = { status: 404, body: { message: "Not Found (no such route in the GitHub double)" } };
    else {
      const m = route.pattern.exec(path)!;
      const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
      try {
        answer = route.handle({ params, query: url.searchParams, body, req });
      } catch (e) {
        answer = { status: 500, body: { message: (e as Error).message } };
      }
    }
    entry.status = answer.status;
    const headers: Record<string, string> = { "x-ratelimit-remaining": "4999", "x-ratelimit-limit": "5000", "x-github-request-id": String(this.requests.length), ...(answer.headers ?? {}) };
    // A client that gave up (an injected timeout) has closed the connection: nothing to answer.
    if (res.destroyed || req.socket.destroyed) return;
    if (answer.raw !== undefined) res.writeHead(answer.status, { "content-type": "application/vnd.github.raw; charset=utf-8", ...headers }).end(answer.raw);
    else if (answer.status === 204) res.writeHead(204, headers).end();
    else res.writeHead(answer.status, { "content-type": "application/json; charset=utf-8", ...headers }).end(JSON.stringify(answer.body ?? {}));
  }

  private on(method: string, template: string, op: OperationId | null, handle: Handler): void {
    const names: string[] = [];
    const source = template.replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return name === "path" ? "(.+)" : "([^/]+)";
    });
    this.routes.push({ method, template, op, pattern: new RegExp(`^${source}$`), names, handle });
  }

  private defineRoutes(): void {
    const repoOf = (p: Params) => this.repos.get(`${p.owner}/${p.repo}`);
    const notFound = { status: 404, body: { message: "Not Found" } };
    const pullOf = (p: Params) => repoOf(p)?.pulls.get(Number(p.pull_number));

    this.on("POST", "/app/installations/{installation_id}/access_tokens", "apps/create-installation-access-token", () => ({
      status: 201,
      body: { token: `ghs_double_${this.nextId++}`, expires_at: new Date(Date.now() + 3600_000).toISOString(), permissions: {} },
    }));

    this.on("GET", "/repos/{owner}/{repo}/pulls/{pull_number}", "pulls/get", ({ params }) => {
      const pull = pullOf(params);
      if (!pull) return notFound;
      const r = repoOf(params)!;
      return {
        status: 200,
        body: { number: pull.number, state: pull.state, draft: pull.draft, changed_files: this.pullFiles(r, pull).length, head: { sha: pull.head, ref: "feature" }, base: { sha: pull.base, ref: "main" } },
      };
    });

    this.on("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/files", "pulls/list-files", ({ params, query }) => {
      const pull = pullOf(params);
      if (!pull) return notFound;
      const all = this.pullFiles(repoOf(params)!, pull).slice(0, 3000);
      const perPage = Math.min(100, Number(query.get("per_page") ?? 30));
      const page = Number(query.get("page") ?? 1);
      const pages = Math.max(1, Math.ceil(all.length / perPage));
      const headers: Record<string, string> = {};
      if (page < pages) headers.link = `<${this.url}/api/v3/repos/${params.owner}/${params.repo}/pulls/${params.pull_number}/files?per_page=${perPage}&page=${page + 1}>; rel="next"`;
      return { status: 200, body: all.slice((page - 1) * perPage, page * perPage), headers };
    });

    this.on("GET", "/repos/{owner}/{repo}/contents/{path}", "repos/get-content", ({ params, query, req }) => {
      const r = repoOf(params);
      const raw = String(req.headers.accept ?? "").includes("raw");
      if (params.path === ".github/dockaudit.yml" && !query.get("ref")) {
        if (!r || r.config === null) return notFound;
        return raw ? { status: 200, raw: r.config } : { status: 200, body: fileBody(params.path, r.config) };
      }
      const files = r?.commits.get(query.get("ref") ?? "");
      const content = files?.[params.path];
      if (content === undefined) return notFound;
      return raw ? { status: 200, raw: content } : { status: 200, body: fileBody(params.path, content) };
    });

    this.on("GET", "/repos/{owner}/{repo}/git/trees/{tree_sha}", "git/get-tree", ({ params }) => {
      const files = repoOf(params)?.commits.get(params.tree_sha);
      if (!files) return notFound;
      const tree = Object.entries(files).map(([path, content]) => ({ path, mode: "100644", type: "blob", sha: blobSha(content), size: Buffer.byteLength(content), url: "" }));
      return { status: 200, body: { sha: params.tree_sha, url: "", tree, truncated: false } };
    });

    // A pull's base is where its head branched in the double (its file list is base..head), so it is the merge base.
    this.on("GET", "/repos/{owner}/{repo}/compare/{basehead}", "repos/compare-commits-with-basehead", ({ params }) => {
      const [base, head] = params.basehead.split("...");
      const r = repoOf(params);
      if (!r?.commits.has(base) || !r.commits.has(head)) return notFound;
      return { status: 200, body: { status: "ahead", ahead_by: 1, behind_by: 0, total_commits: 1, commits: [], files: [], base_commit: { sha: base }, merge_base_commit: { sha: base } } };
    });

    this.on("GET", "/repos/{owner}/{repo}/git/blobs/{file_sha}", "git/get-blob", ({ params }) => {
      const content = repoOf(params) ? this.blobs.get(params.file_sha) : undefined;
      if (content === undefined) return notFound;
      return { status: 200, body: { sha: params.file_sha, node_id: "", url: "", size: Buffer.byteLength(content), encoding: "base64", content: Buffer.from(content).toString("base64") } };
    });

    this.on("POST", "/repos/{owner}/{repo}/check-runs", "checks/create", ({ params, body }) => {
      const r = repoOf(params);
      if (!r) return notFound;
      const run: DoubleCheckRun = { id: this.nextId++, name: body.name, head_sha: body.head_sha, status: body.status ?? "queued", conclusion: body.conclusion ?? null, external_id: body.external_id ?? null, output: body.output ?? {}, annotations: [...(body.output?.annotations ?? [])], actions: body.actions ?? [], updates: 0 };
      if (run.conclusion) run.status = "completed";
      r.checkRuns.push(run);
      return { status: 201, body: { id: run.id, name: run.name, head_sha: run.head_sha, status: run.status, app: DOUBLE_APP } };
    });

    this.on("PATCH", "/repos/{owner}/{repo}/check-runs/{check_run_id}", "checks/update", ({ params, body }) => {
      const run = repoOf(params)?.checkRuns.find((c) => c.id === Number(params.check_run_id));
      if (!run) return notFound;
      if ((body.output?.annotations?.length ?? 0) > 50) return { status: 422, body: { message: "Only 50 annotations are allowed per request" } };
      run.updates++;
      if (body.output) {
        run.output = { title: body.output.title, summary: body.output.summary };
        run.annotations.push(...(body.output.annotations ?? []));
      }
      if (body.status) run.status = body.status;
      if (body.conclusion) Object.assign(run, { conclusion: body.conclusion, status: "completed" });
      if (body.actions) run.actions = body.actions;
      return { status: 200, body: { id: run.id, status: run.status, conclusion: run.conclusion, app: DOUBLE_APP } };
    });

    this.on("GET", "/repos/{owner}/{repo}/check-suites/{check_suite_id}/check-runs", "checks/list-for-suite", ({ params, query }) => {
      const named = (repoOf(params)?.checkRuns ?? []).filter((c) => !query.get("check_name") || c.name === query.get("check_name"));
      // `filter=latest` (the default) keeps the newest run of each name in the suite.
      const runs = query.get("filter") === "all" ? named : named.filter((c) => !named.some((o) => o.name === c.name && o.id > c.id));
      return { status: 200, body: { total_count: runs.length, check_runs: runs.map((c) => ({ id: c.id, name: c.name, head_sha: c.head_sha, external_id: c.external_id })) } };
    });

    this.on("GET", "/repos/{owner}/{repo}/commits/{ref}/check-runs", "checks/list-for-ref", ({ params, query }) => {
      const onRef = (repoOf(params)?.checkRuns ?? []).filter((c) => c.head_sha === params.ref && (!query.get("check_name") || c.name === query.get("check_name")));
      // `filter=latest` (the default) keeps the newest run of each name: the double's runs are one app's, one suite per commit.
      const runs = query.get("filter") === "all" ? onRef : onRef.filter((c) => !onRef.some((o) => o.name === c.name && o.id > c.id));
      const perPage = Math.min(100, Number(query.get("per_page") ?? 30));
      const page = Number(query.get("page") ?? 1);
      const headers: Record<string, string> = {};
      if (page * perPage < runs.length) headers.link = `<${this.url}/api/v3/repos/${params.owner}/${params.repo}/commits/${params.ref}/check-runs?${new URLSearchParams({ ...Object.fromEntries(query), page: String(page + 1) })}>; rel="next"`;
      const listed = runs.slice((page - 1) * perPage, page * perPage);
      return { status: 200, body: { total_count: runs.length, check_runs: listed.map((c) => ({ id: c.id, name: c.name, head_sha: c.head_sha, status: c.status, conclusion: c.conclusion, external_id: c.external_id })) }, headers };
    });

    this.on("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/comments", "pulls/list-review-comments", ({ params, query }) => {
      const r = repoOf(params);
      const all = (r?.reviewComments ?? []).filter((c) => c.pull === Number(params.pull_number));
      const perPage = Math.min(100, Number(query.get("per_page") ?? 30));
      const page = Number(query.get("page") ?? 1);
      const headers: Record<string, string> = {};
      if (page * perPage < all.length) headers.link = `<${this.url}/api/v3/repos/${params.owner}/${params.repo}/pulls/${params.pull_number}/comments?per_page=${perPage}&page=${page + 1}>; rel="next"`;
      return { status: 200, body: all.slice((page - 1) * perPage, page * perPage).map((c) => ({ id: c.id, node_id: c.node_id, path: c.path, line: c.line, body: c.body, commit_id: c.commit_id, in_reply_to_id: c.in_reply_to_id, user: c.user })), headers };
    });

    this.on("POST", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews", "pulls/create-review", ({ params, body }) => {
      const r = repoOf(params);
      const pull = pullOf(params);
      if (!r || !pull) return notFound;
      const files = this.pullFiles(r, { ...pull, head: body.commit_id ?? pull.head });
      for (const c of body.comments ?? []) {
        const file = files.find((f) => f.filename === c.path);
        const hunks = hunksOf(file?.patch);
        const inOne = hunks.some((h) => h.start <= (c.start_line ?? c.line) && c.line <= h.end);
        if (!file || !inOne) return { status: 422, body: { message: "Unprocessable Entity", errors: ["Pull request review thread line must be part of the diff"] } };
        if (c.start_line !== undefined && c.start_line >= c.line) return { status: 422, body: { message: "Unprocessable Entity", errors: ["start line must precede the end line"] } };
      }
      const id = this.nextId++;
      r.reviews.push({ id, pull: pull.number, commit_id: body.commit_id, event: body.event, body: body.body, comments: (body.comments ?? []).length });
      for (const c of body.comments ?? []) {
        const cid = this.nextId++;
        r.reviewComments.push({ id: cid, node_id: `PRRC_${cid}`, pull: pull.number, path: c.path, line: c.line, start_line: c.start_line, body: c.body, commit_id: body.commit_id, user: { login: "dockaudit[bot]", type: "Bot" }, resolved: false });
      }
      return { status: 200, body: { id, state: "COMMENTED" } };
    });

    this.on("DELETE", "/repos/{owner}/{repo}/pulls/comments/{comment_id}", "pulls/delete-review-comment", ({ params }) => {
      const r = repoOf(params);
      const i = r?.reviewComments.findIndex((c) => c.id === Number(params.comment_id)) ?? -1;
      if (!r || i < 0) return notFound;
      r.reviewComments.splice(i, 1);
      return { status: 204 };
    });

    this.on("GET", "/repos/{owner}/{repo}/collaborators/{username}/permission", "repos/get-collaborator-permission-level", ({ params }) => {
      const permission = repoOf(params)?.permissions[params.username] ?? "none";
      return { status: 200, body: { permission, role_name: permission, user: { login: params.username } } };
    });

    this.on("POST", "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", "reactions/create-for-issue-comment", ({ params, body }) => {
      repoOf(params)?.reactions.push({ commentId: Number(params.comment_id), content: body.content });
      return { status: 201, body: { id: this.nextId++, content: body.content } };
    });

    this.on("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments", "issues/create-comment", ({ params, body }) => {
      const id = this.nextId++;
      repoOf(params)?.issueComments.push({ id, pull: Number(params.issue_number), body: body.body });
      return { status: 201, body: { id } };
    });

    this.on("POST", "/graphql", null, ({ body }) => this.graphql(body));
  }

  /** The two GraphQL operations the app sends: list review threads, resolve one. */
  private graphql(body: { query: string; variables: Record<string, any> }): ReturnType<Handler> {
    const v = body.variables ?? {};
    if (body.query.includes("resolveReviewThread")) {
      const id = Number(String(v.threadId).replace(/^PRRT_/, ""));
      for (const r of this.repos.values()) {
        const c = r.reviewComments.find((x) => x.id === id);
        if (c) {
          c.resolved = true;
          return { status: 200, body: { data: { resolveReviewThread: { thread: { id: v.threadId, isResolved: true } } } } };
        }
      }
      return { status: 200, body: { errors: [{ type: "NOT_FOUND", message: "thread not found" }] } };
    }
    if (body.query.includes("reviewThreads")) {
      const r = this.repos.get(`${v.owner}/${v.repo}`);
      const threads = (r?.reviewComments ?? []).filter((c) => c.pull === v.number && !c.in_reply_to_id);
      return {
        status: 200,
        body: { data: { repository: { pullRequest: { reviewThreads: { nodes: threads.map((c) => ({ id: `PRRT_${c.id}`, isResolved: c.resolved, comments: { nodes: [{ databaseId: c.id }] } })), pageInfo: { hasNextPage: false, endCursor: null } } } } } },
      };
    }
    return { status: 200, body: { errors: [{ message: "query not supported by the GitHub double" }] } };
  }
}

function fileBody(path: string, content: string) {
  return { type: "file", encoding: "base64", size: Buffer.byteLength(content), name: path.split("/").pop(), path, content: Buffer.from(content).toString("base64"), sha: blobSha(content), url: "", git_url: null, html_url: null, download_url: null, _links: { self: "", git: null, html: null } };
}

function commitSha(files: Files): string {
  return createHash("sha1").update(JSON.stringify(Object.entries(files).sort())).digest("hex");
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
