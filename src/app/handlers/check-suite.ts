import type { Context } from "probot";
import { CHECK_NAME } from "../check/check-output.js";
import { makeJob, type Job } from "../jobs/job.js";
import { pullNumberOf } from "./check-run.js";

/**
 * "Re-run all checks" → one job per PR of the suite. A fork PR's suite has no `pull_requests`;
 * its number is read back from the `external_id` of our earlier runs in that suite: all of them
 * (`filter: "all"`, every page), as `latest` keeps only the newest run of a name, which is one
 * PR's when the commit heads several. A suite of a commit the PR has moved past lists no PR
 * either: its PR's head is audited, and our run there answered as superseded.
 */
export async function checkSuiteJobs(context: Context<"check_suite">): Promise<Job[]> {
  const { payload } = context;
  if (!payload.installation) return [];
  const suite = payload.check_suite;
  let numbers = suite.pull_requests.map((p) => p.number);
  // Each PR's newest run in the suite: when the suite's commit no longer heads the PR, the run
  // answers the re-run as superseded (see `Job.rerequestedChecks`).
  const newest = new Map<number, { id: number; headSha: string }>();
  if (!numbers.length) {
    const runs = await context.octokit.paginate(context.octokit.rest.checks.listForSuite, context.repo({ check_suite_id: suite.id, check_name: CHECK_NAME, filter: "all" as const, per_page: 100 }));
    for (const r of runs) {
      const n = pullNumberOf(r.external_id);
      if (n !== null && r.id > (newest.get(n)?.id ?? -1)) newest.set(n, { id: r.id, headSha: r.head_sha });
    }
    numbers = [...newest.keys()];
  }
  return numbers.map((pullNumber) =>
    makeJob({
      installationId: payload.installation!.id,
      owner: payload.repository.owner.login,
      repo: payload.repository.name,
      pullNumber,
      headSha: suite.head_sha,
      ...(newest.has(pullNumber) ? { rerequestedChecks: [newest.get(pullNumber)!] } : {}),
      trigger: "check_suite.rerequested",
      force: true,
      deliveryId: context.id,
    }),
  );
}
