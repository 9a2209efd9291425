import type { Context } from "probot";
import { canWrite, react, replyOnPullRequest, type CommentKind } from "../github/comments.js";
import type { GitHub } from "../github/types.js";
import { makeJob, type Job } from "../jobs/job.js";
import { HELP_TEXT, parseCommand } from "./commands.js";

/** `/dockaudit recheck|help` in a PR conversation. */
export async function commentJob(context: Context<"issue_comment.created">): Promise<Job | null> {
  const { payload } = context;
  if (!payload.issue.pull_request) return null;
  return commandJob(context, { pullNumber: payload.issue.number, comment: payload.comment, kind: "issue" });
}

/** The same command typed as a reply in a review thread (under one of our comments, often). */
export async function reviewCommentJob(context: Context<"pull_request_review_comment.created">): Promise<Job | null> {
  const { payload } = context;
  return commandJob(context, { pullNumber: payload.pull_request.number, comment: payload.comment, kind: "review" });
}

/**
 * Only writers and admins (by the collaborator permission, not `author_association`); bots are
 * ignored; 😕 answers a refusal, 👀 a recheck that is queued (🚀 follows when it is published).
 */
async function commandJob(
  context: Context<"issue_comment.created" | "pull_request_review_comment.created">,
  source: { pullNumber: number; comment: { id: number; body?: string | null; user?: { login: string; type?: string } | null }; kind: CommentKind },
): Promise<Job | null> {
  const { payload } = context;
  if (!payload.installation) return null;
  if (context.isBot || source.comment.user?.type === "Bot") return null;
  const command = parseCommand(source.comment.body);
  if (!command) return null;
  const gh = context.octokit as unknown as GitHub;
  const repo = { owner: payload.repository.owner.login, repo: payload.repository.name };
  const author = source.comment.user?.login ?? "";
  const answer = (content: "eyes" | "rocket" | "confused") => react(gh, repo, source.comment.id, content, source.kind);
  if (!(await canWrite(gh, repo, author))) {
    await answer("confused");
    return null;
  }
  if (command === "help") {
    await replyOnPullRequest(gh, repo, source.pullNumber, HELP_TEXT);
    await answer("rocket");
    return null;
  }
  await answer("eyes");
  return makeJob({
    installationId: payload.installation.id,
    ...repo,
    pullNumber: source.pullNumber,
    headSha: null,
    trigger: "comment",
    force: true,
    ...(source.kind === "review" ? { reviewCommentIds: [source.comment.id] } : { commentIds: [source.comment.id] }),
    deliveryId: context.id,
  });
}
