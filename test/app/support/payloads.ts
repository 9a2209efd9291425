import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const events = require("@octokit/webhooks-examples/api.github.com/index.json") as { name: string; examples: Record<string, any>[] }[];

/** A copy of the first example of `event` with `action`, from @octokit/webhooks-examples. */
function example(event: string, action: string, pick: (e: Record<string, any>) => boolean = () => true): Record<string, any> {
  const found = events.find((e) => e.name === event)?.examples.find((e) => e.action === action && pick(e));
  if (!found) throw new Error(`no ${event}.${action} example`);
  return structuredClone(found);
}

export const OWNER = "Codertocat";
export const REPO = "Hello-World";
export const INSTALLATION = 1;

function retarget(p: Record<string, any>): Record<string, any> {
  p.installation = { id: INSTALLATION, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==" };
  p.repository.name = REPO;
  p.repository.full_name = `${OWNER}/${REPO}`;
  p.repository.owner.login = OWNER;
  return p;
}

export function pullRequestPayload(action: "opened" | "synchronize" | "reopened" | "ready_for_review", pr: { number: number; head: string; base: string; draft?: boolean; changedFiles?: number }) {
  const p = retarget(example("pull_request", action));
  p.number = pr.number;
  Object.assign(p.pull_request, { number: pr.number, draft: pr.draft ?? false, state: "open", changed_files: pr.changedFiles ?? 1 });
  p.pull_request.head.sha = pr.head;
  p.pull_request.base.sha = pr.base;
  if (action === "synchronize") Object.assign(p, { before: pr.base, after: pr.head });
  return p;
}

/** pull_request.edited (the examples have none): `baseFrom` set when the PR was retargeted to another base branch. */
export function pullRequestEditedPayload(pr: { number: number; head: string; base: string }, changes: { baseFrom?: string; titleFrom?: string }) {
  const p = pullRequestPayload("opened", pr);
  p.action = "edited";
  p.changes = {
    ...(changes.baseFrom ? { base: { ref: { from: changes.baseFrom }, sha: { from: "c".repeat(40) } } } : {}),
    ...(changes.titleFrom ? { title: { from: changes.titleFrom } } : {}),
  };
  return p;
}

/** check_run.rerequested (the Re-run button); `pulls: []` is what a fork PR sends. */
export function checkRunPayload(action: "rerequested" | "requested_action", run: { head: string; pulls: number[]; externalId: string; name?: string; identifier?: string }) {
  const p = retarget(example("check_run", action));
  Object.assign(p.check_run, { name: run.name ?? "dockaudit", head_sha: run.head, external_id: run.externalId });
  p.check_run.pull_requests = run.pulls.map((n) => ({ url: "", id: n, number: n, head: { ref: "x", sha: run.head, repo: { id: 1, url: "", name: REPO } }, base: { ref: "main", sha: "0".repeat(40), repo: { id: 1, url: "", name: REPO } } }));
  if (action === "requested_action") p.requested_action = { identifier: run.identifier ?? "rerun" };
  return p;
}

export function checkSuitePayload(suite: { id: number; head: string; pulls: number[] }) {
  const p = retarget(example("check_suite", "rerequested"));
  Object.assign(p.check_suite, { id: suite.id, head_sha: suite.head });
  p.check_suite.pull_requests = suite.pulls.map((n) => ({ url: "", id: n, number: n, head: { ref: "x", sha: suite.head, repo: { id: 1, url: "", name: REPO } }, base: { ref: "main", sha: "0".repeat(40), repo: { id: 1, url: "", name: REPO } } }));
  return p;
}

/** issue_comment.created on a pull request (the examples only have plain issues, so `pull_request` is added). */
export function commentPayload(c: { pr: number; body: string; user: string; id: number; bot?: boolean }) {
  const p = retarget(example("issue_comment", "created"));
  p.issue.number = c.pr;
  p.issue.pull_request = { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${c.pr}`, html_url: "", diff_url: "", patch_url: "" };
  Object.assign(p.comment, { id: c.id, body: c.body });
  p.comment.user = { ...p.comment.user, login: c.user, type: c.bot ? "Bot" : "User" };
  p.sender = { ...p.sender, login: c.user, type: c.bot ? "Bot" : "User" };
  return p;
}

/** pull_request_review_comment.created: a reply in a review thread (on one of our comments, say). */
export function reviewCommentPayload(c: { pr: number; body: string; user: string; id: number; bot?: boolean }) {
  const p = retarget(example("pull_request_review_comment", "created", (e) => !!e.installation));
  p.pull_request.number = c.pr;
  Object.assign(p.comment, { id: c.id, body: c.body });
  p.comment.user = { ...p.comment.user, login: c.user, type: c.bot ? "Bot" : "User" };
  p.sender = { ...p.sender, login: c.user, type: c.bot ? "Bot" : "User" };
  return p;
}
