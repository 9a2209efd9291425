import type { Context } from "probot";
import { CHECK_NAME, RERUN_ACTION } from "../check/check-output.js";
import { makeJob, type Job } from "../jobs/job.js";

export const CHECK_RUN_EVENTS = ["check_run.rerequested", "check_run.requested_action"] as const;

/**
 * The Re-run button (`rerequested`) or our action button (`requested_action`) on a `dockaudit`
 * run. The PR number comes from `external_id`, the PR the run was made for: fork PRs arrive with
 * an empty `pull_requests`, and a commit that heads several PRs lists them all. A run on a commit
 * that no longer heads the PR (GitHub lists no PR for it) re-audits the PR's head; the run itself
 * is completed as superseded (see `Job.rerequestedChecks`).
 */
export function checkRunJob(context: Context<"check_run">): Job | null {
  const { payload } = context;
  const run = payload.check_run;
  if (!payload.installation || run.name !== CHECK_NAME) return null;
  if (payload.action === "requested_action" && payload.requested_action?.identifier !== RERUN_ACTION.identifier) return null;
  const pullNumber = pullNumberOf(run.external_id) ?? run.pull_requests[0]?.number ?? null;
  if (pullNumber === null) return null;
  return makeJob({
    installationId: payload.installation.id,
    owner: payload.repository.owner.login,
    repo: payload.repository.name,
    pullNumber,
    headSha: run.head_sha,
    rerequestedChecks: [{ id: run.id, headSha: run.head_sha }],
    trigger: `check_run.${payload.action}`,
    force: true,
    deliveryId: context.id,
  });
}

export function pullNumberOf(externalId: string | null | undefined): number | null {
  const n = Number(externalId);
  return externalId && Number.isInteger(n) && n > 0 ? n : null;
}
