import type { GitHub } from "./types.js";

type Repo = { owner: string; repo: string };
export type Reaction = "eyes" | "rocket" | "confused";

/** Where a command was typed: the PR's conversation, or a review thread. */
export type CommentKind = "issue" | "review";

/** Acknowledges a `/dockaudit` comment. Idempotent on GitHub's side (200 when it already exists). */
export async function react(gh: GitHub, repo: Repo, commentId: number, content: Reaction, kind: CommentKind = "issue"): Promise<void> {
  const params = { owner: repo.owner, repo: repo.repo, comment_id: commentId, content };
  if (kind === "review") await gh.rest.reactions.createForPullRequestReviewComment(params);
  else await gh.rest.reactions.createForIssueComment(params);
}

/** write, maintain and admin may run commands; `author_association` is not trusted for this. */
export async function canWrite(gh: GitHub, repo: Repo, username: string): Promise<boolean> {
  try {
    const { data } = await gh.rest.repos.getCollaboratorPermissionLevel({ owner: repo.owner, repo: repo.repo, username });
    return data.permission === "admin" || data.permission === "write";
  } catch (e) {
    if ((e as { status?: number }).status === 404) return false;
    throw e;
  }
}

export async function replyOnPullRequest(gh: GitHub, repo: Repo, pullNumber: number, body: string): Promise<void> {
  await gh.rest.issues.createComment({ owner: repo.owner, repo: repo.repo, issue_number: pullNumber, body });
}
