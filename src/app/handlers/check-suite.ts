import type { Context } from "probot";
import { CHECK_NAME } from "../check/check-output.js";
import { makeJob, type Job } from "../jobs/job.js";
import { pullNumberOf } from "./check-run.js";

/**
 * "Re-run all checks" → one job per PR of the suite. A fork PR's suite has no `pull_requests`;
 * its number is read back from the `external_id` of our earlier run in that suite.
 */
export async function checkSuiteJobs(context: Context<"check_suite">): Promise<Job[]> {
  const { payload } = context;
  if (!payload.installation) return [];
  const suite = payload.check_suite;
  let numbers = suite.pull_requests.map((p) => p.number);
  if (!numbers.length) {
    const { data } = await context.octokit.rest.checks.listForSuite(context.repo({ check_suite_id: suite.id, check_name: CHECK_NAME, per_page: 10 }));
    numbers = [...new Set(data.check_runs.map((r) => pullNumberOf(r.external_id)).filter((n): n is number => n !== null))];
  }
  return numbers.map((pullNumber) =>
    makeJob({
      installationId: payload.installation!.id,
      owner: payload.repository.owner.login,
      repo: payload.repository.name,
      pullNumber,
      headSha: suite.head_sha,
      trigger: "check_suite.rerequested",
      force: true,
      deliveryId: context.id,
    }),
  );
}
