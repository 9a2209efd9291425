import type { Annotation } from "../check/annotations.js";
import { CHECK_NAME, RERUN_ACTION, type CheckOutput } from "../check/check-output.js";
import type { GitHub } from "./types.js";

type Repo = { owner: string; repo: string };

/** Creates the `dockaudit` run on the head SHA; `external_id` carries the PR number (fork PRs have no `pull_requests`). */
export async function createCheckRun(gh: GitHub, repo: Repo, init: { headSha: string; pullNumber: number; output: CheckOutput; startedAt: Date }): Promise<OpenedCheck> {
  const { data } = await gh.rest.checks.create({
    owner: repo.owner,
    repo: repo.repo,
    name: CHECK_NAME,
    head_sha: init.headSha,
    status: "in_progress",
    external_id: String(init.pullNumber),
    started_at: init.startedAt.toISOString(),
    output: init.output,
  });
  return { id: data.id, botLogin: botLoginOf(data.app) };
}

/**
 * An open run, and the login of the bot account the app writes as (`<slug>[bot]`), read from the
 * run's `app`: the app knows who it is without asking GitHub. Null when GitHub did not say.
 */
export interface OpenedCheck {
  id: number;
  botLogin: string | null;
}

function botLoginOf(app: { slug?: string } | null | undefined): string | null {
  return app?.slug ? `${app.slug}[bot]` : null;
}

/**
 * The newest `dockaudit` run of this PR on this head, or null. A retried or taken-over request
 * uses it instead of creating a second run for the same commit. Runs are told apart by the PR
 * number in `external_id`: a commit can head two PRs, and a CI job can be named `dockaudit` too
 * (its run cannot be updated by this app). Every run is listed (`filter: "all"`, every page):
 * `latest` keeps only the newest run of a name in a check suite, and the app has one suite per
 * commit, so another PR's newer run on the same commit would hide this one.
 */
export async function findCheckRun(gh: GitHub, repo: Repo, headSha: string, pullNumber: number): Promise<number | null> {
  let newest: number | null = null;
  for await (const page of gh.paginate.iterator(gh.rest.checks.listForRef, { owner: repo.owner, repo: repo.repo, ref: headSha, check_name: CHECK_NAME, filter: "all", per_page: 100 })) {
    for (const r of page.data) {
      if (r.name === CHECK_NAME && r.head_sha === headSha && r.external_id === String(pullNumber) && (newest === null || r.id > newest)) newest = r.id;
    }
  }
  return newest;
}

/**
 * Creates the in-progress run, or puts an earlier one back in progress: `existing` (known from an
 * earlier attempt), else with `reuse` the newest one on the head.
 */
export async function openCheckRun(
  gh: GitHub,
  repo: Repo,
  init: { headSha: string; pullNumber: number; output: CheckOutput; startedAt: Date; existing?: number | null; reuse?: boolean },
): Promise<OpenedCheck> {
  const earlier = init.existing ?? (init.reuse ? await findCheckRun(gh, repo, init.headSha, init.pullNumber) : null);
  if (earlier === null) return createCheckRun(gh, repo, init);
  const { data } = await gh.rest.checks.update({ owner: repo.owner, repo: repo.repo, check_run_id: earlier, status: "in_progress", started_at: init.startedAt.toISOString(), output: init.output });
  return { id: earlier, botLogin: botLoginOf(data.app) };
}

/**
 * Completes an earlier run at once (`existing`, else with `reuse` the newest one on the head), or
 * creates the run already completed: one write either way. Returns the run's id.
 */
export async function closeCheckRunAtOnce(
  gh: GitHub,
  repo: Repo,
  init: { headSha: string; pullNumber: number; conclusion: "failure" | "neutral"; output: CheckOutput; now: () => Date; existing?: number | null; reuse?: boolean },
): Promise<number> {
  const earlier = init.existing ?? (init.reuse ? await findCheckRun(gh, repo, init.headSha, init.pullNumber) : null);
  if (earlier === null) return createCompletedCheckRun(gh, repo, { ...init, at: init.now() });
  await completeCheckRun(gh, repo, earlier, { conclusion: init.conclusion, output: init.output, completedAt: init.now() });
  return earlier;
}

/** Appends a batch of annotations; the run stays in progress. */
export async function addAnnotations(gh: GitHub, repo: Repo, checkRunId: number, output: CheckOutput, annotations: Annotation[]): Promise<void> {
  await gh.rest.checks.update({ owner: repo.owner, repo: repo.repo, check_run_id: checkRunId, output: { ...output, annotations } });
}

/** Completes the run with its conclusion, last annotation batch and the Re-run button. */
export async function completeCheckRun(
  gh: GitHub,
  repo: Repo,
  checkRunId: number,
  result: { conclusion: "success" | "failure" | "neutral"; output: CheckOutput; annotations?: Annotation[]; completedAt: Date },
): Promise<void> {
  await gh.rest.checks.update({
    owner: repo.owner,
    repo: repo.repo,
    check_run_id: checkRunId,
    status: "completed",
    conclusion: result.conclusion,
    completed_at: result.completedAt.toISOString(),
    output: result.annotations?.length ? { ...result.output, annotations: result.annotations } : result.output,
    actions: [{ ...RERUN_ACTION }],
  });
}

/** A run that completes at once (invalid config, nothing to audit). */
export async function createCompletedCheckRun(
  gh: GitHub,
  repo: Repo,
  init: { headSha: string; pullNumber: number; conclusion: "success" | "failure" | "neutral"; output: CheckOutput; at: Date },
): Promise<number> {
  const { data } = await gh.rest.checks.create({
    owner: repo.owner,
    repo: repo.repo,
    name: CHECK_NAME,
    head_sha: init.headSha,
    status: "completed",
    conclusion: init.conclusion,
    external_id: String(init.pullNumber),
    started_at: init.at.toISOString(),
    completed_at: init.at.toISOString(),
    output: init.output,
    actions: [{ ...RERUN_ACTION }],
  });
  return data.id;
}
