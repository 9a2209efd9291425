import type { Context } from "probot";
import { makeJob, type Job } from "../jobs/job.js";

export const PULL_REQUEST_EVENTS = ["pull_request.opened", "pull_request.synchronize", "pull_request.reopened", "pull_request.ready_for_review", "pull_request.edited"] as const;

/**
 * opened / synchronize / reopened / ready_for_review → a job for the PR's head; edited only when
 * the PR was retargeted to another base branch (its diff, and so what is new, changed with it).
 */
export function pullRequestJob(context: Context<(typeof PULL_REQUEST_EVENTS)[number]>): Job | null {
  const { payload } = context;
  if (!payload.installation) return null;
  if (payload.action === "edited" && !payload.changes?.base) return null;
  return makeJob({
    installationId: payload.installation.id,
    owner: payload.repository.owner.login,
    repo: payload.repository.name,
    pullNumber: payload.pull_request.number,
    headSha: payload.pull_request.head.sha,
    pull: {
      number: payload.pull_request.number,
      state: payload.pull_request.state,
      draft: !!payload.pull_request.draft,
      headSha: payload.pull_request.head.sha,
      baseSha: payload.pull_request.base.sha,
      changedFiles: payload.pull_request.changed_files ?? 0,
    },
    trigger: `pull_request.${payload.action}`,
    deliveryId: context.id,
  });
}
