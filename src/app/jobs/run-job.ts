import type { ShellChecker } from "../../engine/rule.js";
import type { Logger } from "pino";
import { audit, type AuditOptions, type Rule } from "../../engine/index.js";
import { createClassifier } from "../../engine/classify.js";
import { batches } from "../check/annotations.js";
import { configErrorOutput, fileChangeNotes, failedOutput, inProgressOutput, noDockerOutput, supersededOutput, type CheckOutput } from "../check/check-output.js";
import { collectFiles } from "../files/collect-files.js";
import { listChangedFiles, MAX_LISTED_FILES } from "../github/changed-files.js";
import { addAnnotations, completeCheckRun, createCheckRun, createCompletedCheckRun } from "../github/check-run.js";
import { react, replyOnPullRequest } from "../github/comments.js";
import { CONFIG_PATH, loadConfig } from "../github/config.js";
import { getPull, type PullInfo } from "../github/pull-request.js";
import { countRequests, totalRequests, type RequestCounts } from "../github/request-counter.js";
import { createReview, listOurComments } from "../github/review.js";
import { closeFixedComments } from "../github/threads.js";
import { getTree } from "../github/tree.js";
import type { GitHub, PullRef } from "../github/types.js";
import { decidePublication } from "./decide-publication.js";
import type { Job } from "./job.js";
import type { JobControl, JobRunner } from "./queue.js";

export type RunResult = "published" | "no-docker" | "superseded" | "skipped" | "config-error" | "failed";

/** What one run did: logged as one line, and handed to `onRunEnd` (metrics, benchmarks). */
export interface RunOutcome {
  key: string;
  trigger: string;
  result: RunResult;
  headSha: string | null;
  conclusion: string | null;
  durationMs: number;
  findings: { new: number; fixed: number; remaining: number };
  comments: number;
  annotations: number;
  requests: RequestCounts;
  error?: string;
}

export interface RunnerDeps {
  auth(installationId: number): Promise<GitHub>;
  rules: readonly Rule[];
  log: Logger;
  now?: () => Date;
  onRunEnd?: (outcome: RunOutcome) => void;
  /** Runs ShellCheck on RUN scripts (src/shellcheck.ts); without it the shellcheck rule says it is unavailable. */
  shellcheck?: ShellChecker;
}

/** The one module that runs a job: read, audit, compare, then publish unless the head moved. */
export function createJobRunner(deps: RunnerDeps): JobRunner {
  return (job, control) => runJob(job, control, deps);
}

class Stop {
  constructor(readonly result: RunResult, readonly conclusion: string | null = null) {}
}

async function runJob(job: Job, control: JobControl, deps: RunnerDeps): Promise<void> {
  const now = deps.now ?? (() => new Date());
  const startedAt = now();
  let gh: GitHub;
  try {
    gh = await deps.auth(job.installationId);
  } catch (e) {
    const error = describeError(e);
    deps.log.error({ err: e, key: job.key }, "could not authenticate as the installation");
    deps.onRunEnd?.({ key: job.key, trigger: job.trigger, result: "failed", headSha: null, conclusion: null, durationMs: now().getTime() - startedAt.getTime(), findings: { new: 0, fixed: 0, remaining: 0 }, comments: 0, annotations: 0, requests: {}, error });
    return;
  }
  const requests = countRequests(gh);
  const repo = { owner: job.owner, repo: job.repo };
  const ref: PullRef = { ...repo, pullNumber: job.pullNumber };
  const outcome: RunOutcome = {
    key: job.key, trigger: job.trigger, result: "failed", headSha: null, conclusion: null, durationMs: 0,
    findings: { new: 0, fixed: 0, remaining: 0 }, comments: 0, annotations: 0, requests,
  };
  let checkRunId: number | null = null;
  const answerComments = async (content: "rocket" | "confused") => {
    for (const id of job.commentIds) await react(gh, repo, id, content).catch((e) => deps.log.warn({ err: e, comment: id }, "could not react"));
  };

  try {
    const pull = job.pull ?? (await getPull(gh, ref));
    outcome.headSha = pull.headSha;
    if (pull.state !== "open") {
      if (job.commentIds.length) await replyOnPullRequest(gh, repo, job.pullNumber, "dockaudit audits open pull requests only; this one is closed, so nothing was run.");
      await answerComments("confused");
      throw new Stop("skipped");
    }
    const loaded = await loadConfig(gh, repo, deps.rules.map((r) => r.meta));
    if (!loaded.ok) {
      checkRunId = await createCompletedCheckRun(gh, repo, { headSha: pull.headSha, pullNumber: job.pullNumber, conclusion: "failure", output: configErrorOutput(loaded.problems), at: now() });
      await answerComments("confused");
      throw new Stop("config-error", "failure");
    }
    const config = loaded.config;
    if (pull.draft && !config.drafts && !job.force) throw new Stop("skipped");
    if (control.superseded()) throw new Stop("superseded");
    checkRunId = await createCheckRun(gh, repo, { headSha: pull.headSha, pullNumber: job.pullNumber, output: inProgressOutput(pull.headSha), startedAt });

    const changed = await listChangedFiles(gh, ref);
    const classify = createClassifier(config.files);
    const notes = scopeNotes(pull, changed.length, changed.some((f) => f.filename === CONFIG_PATH));
    if (!changed.some((f) => classify(f.filename))) {
      await completeCheckRun(gh, repo, checkRunId, { conclusion: "neutral", output: noDockerOutput(changed.length), completedAt: now() });
      await answerComments("rocket");
      throw new Stop("no-docker", "neutral");
    }
    const tree = await getTree(gh, repo, pull.headSha);
    if (tree.truncated) notes.push("The repository tree is too large for one listing, so some linked files (build Dockerfiles, .dockerignore) may be missing from the audit.");
    const files = await collectFiles(gh, { repo, headSha: pull.headSha, baseSha: pull.baseSha, config, changed, tree: tree.blobs });
    notes.push(...fileChangeNotes(files.removedPaths, files.moves), ...files.notes);
    const options: AuditOptions = { config, tree: tree.blobs.map((b) => b.path), shellcheck: deps.shellcheck };
    const head = audit(files.head, deps.rules, options);
    const base = audit(files.base, deps.rules, options);
    const existing = job.trigger === "pull_request.opened" ? [] : await listOurComments(gh, ref);
    let publication = decidePublication({ head, base, files, config, rules: deps.rules, existing, notes });
    const { comparison, annotations } = publication;
    Object.assign(outcome.findings, { new: comparison.added.length, fixed: comparison.fixed.length, remaining: head.findings.length });

    if (control.superseded()) throw new Stop("superseded");
    const current = await getPull(gh, ref);
    if (current.headSha !== pull.headSha) {
      await completeCheckRun(gh, repo, checkRunId, { conclusion: "neutral", output: supersededOutput(current.headSha), completedAt: now() });
      throw new Stop("superseded", "neutral");
    }

    // Writes, one at a time: the review, closing fixed comments, annotations, then the conclusion last.
    if (publication.plan.comments.length) {
      try {
        await createReview(gh, ref, { commitId: pull.headSha, body: publication.reviewBody, comments: publication.plan.comments });
      } catch (e) {
        if ((e as { status?: number }).status !== 422) throw e;
        deps.log.warn({ err: e, key: job.key }, "GitHub refused the review; its findings go to the check summary");
        notes.push(`GitHub refused this run's review (${describeError(e)}), so the findings it would have commented are listed here.`);
        publication = decidePublication({ head, base, files, config, rules: deps.rules, existing, notes, reviewRefused: true });
      }
    }
    const { plan, output } = publication;
    await closeFixedComments(gh, ref, publication.fixedComments);
    const chunks = batches(annotations);
    for (const chunk of chunks.slice(0, -1)) await addAnnotations(gh, repo, checkRunId, output, chunk);
    await completeCheckRun(gh, repo, checkRunId, { conclusion: publication.conclusion, output, annotations: chunks.at(-1) ?? [], completedAt: now() });
    await answerComments("rocket");
    Object.assign(outcome, { result: "published", conclusion: publication.conclusion, comments: plan.comments.length, annotations: annotations.length });
  } catch (e) {
    if (e instanceof Stop) {
      outcome.result = e.result;
      outcome.conclusion = e.conclusion;
      if (e.result === "superseded" && checkRunId !== null && outcome.conclusion === null) {
        await completeCheckRun(gh, repo, checkRunId, { conclusion: "neutral", output: supersededOutput(null), completedAt: now() }).catch(() => undefined);
        outcome.conclusion = "neutral";
      }
    } else {
      outcome.error = describeError(e);
      deps.log.error({ err: e, key: job.key }, "dockaudit run failed");
      await failSafely(gh, repo, { checkRunId, headSha: outcome.headSha, pullNumber: job.pullNumber }, failedOutput(outcome.error), now, deps.log);
      outcome.conclusion = outcome.headSha ? "neutral" : null;
      await answerComments("confused");
    }
  } finally {
    outcome.durationMs = now().getTime() - startedAt.getTime();
    deps.log.info(
      { repo: `${job.owner}/${job.repo}`, pr: job.pullNumber, head: outcome.headSha, trigger: job.trigger, result: outcome.result, conclusion: outcome.conclusion, durationMs: outcome.durationMs, findings: outcome.findings, comments: outcome.comments, annotations: outcome.annotations, apiCalls: totalRequests(requests), apiCallsByKind: requests },
      "dockaudit run",
    );
    deps.onRunEnd?.(outcome);
  }
}

/** Never leave a check in progress: complete it (or create one) as neutral, saying what failed. */
async function failSafely(
  gh: GitHub,
  repo: { owner: string; repo: string },
  at: { checkRunId: number | null; headSha: string | null; pullNumber: number },
  output: CheckOutput,
  now: () => Date,
  log: Logger,
): Promise<void> {
  try {
    if (at.checkRunId !== null) await completeCheckRun(gh, repo, at.checkRunId, { conclusion: "neutral", output, completedAt: now() });
    else if (at.headSha) await createCompletedCheckRun(gh, repo, { headSha: at.headSha, pullNumber: at.pullNumber, conclusion: "neutral", output, at: now() });
  } catch (e) {
    log.error({ err: e }, "could not mark the check as failed");
  }
}

function scopeNotes(pull: PullInfo, listed: number, touchesConfig: boolean): string[] {
  const notes: string[] = [];
  if (pull.changedFiles > listed) notes.push(`GitHub lists only the first ${Math.min(listed, MAX_LISTED_FILES)} of this pull request's ${pull.changedFiles} changed files; Docker files beyond them were not audited.`);
  if (touchesConfig) notes.push(`This pull request changes \`${CONFIG_PATH}\`. dockaudit reads its configuration from the default branch, so the change applies once it is merged.`);
  return notes;
}

export function describeError(e: unknown): string {
  const err = e as { status?: number; message?: string; request?: { method?: string; url?: string } };
  const message = (err?.message ?? String(e)).split("\n")[0].slice(0, 300);
  if (err?.status && err.request?.method) {
    const path = (err.request.url ?? "").replace(/^https?:\/\/[^/]+/, "").replace(/\?.*$/, "");
    return `GitHub answered ${err.status} to \`${err.request.method} ${path}\`: ${message}`;
  }
  return `An unexpected error stopped the audit: ${message}`;
}

