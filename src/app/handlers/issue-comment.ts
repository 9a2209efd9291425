import type { Context } from "probot";
import { canWrite, react, replyOnPullRequest } from "../github/comments.js";
import type { GitHub } from "../github/types.js";
import { makeJob, type Job } from "../jobs/job.js";
import { HELP_TEXT, parseCommand } from "./commands.js";

/**
 * `/dockaudit recheck|help` in a PR conversation. Only writers and admins (by the collaborator
 * permission, not `author_association`); bots are ignored; 😕 answers a refusal, 👀 a recheck
 * that is queued (🚀 follows when it is published).
 */
export async function commentJob(context: Context<"issue_comment.created">): Promise<Job | null> {
  const { payload } = context;
  if (!payload.installation || !payload.issue.pull_request) return null;
  if (context.isBot || payload.comment.user?.type === "Bot") return null;
  const command = parseCommand(payload.comment.body);
  if (!command) return null;
  const gh = context.octokit as unknown as GitHub;
  const repo = { owner: payload.repository.owner.login, repo: payload.repository.name };
  const author = payload.comment.user?.login ?? "";
  if (!(await canWrite(gh, repo, author))) {
    await react(gh, repo, payload.comment.id, "confused");
    return null;
  }
  if (command === "help") {
    await replyOnPullRequest(gh, repo, payload.issue.number, HELP_TEXT);
    await react(gh, repo, payload.comment.id, "rocket");
    return null;
  }
  await react(gh, repo, payload.comment.id, "eyes");
  return makeJob({
    installationId: payload.installation.id,
    ...repo,
    pullNumber: payload.issue.number,
    headSha: null,
    trigger: "comment",
    force: true,
    commentIds: [payload.comment.id],
    deliveryId: context.id,
  });
}
