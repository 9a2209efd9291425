import type { ShellChecker } from "../../engine/rule.js";
import type { Logger } from "pino";
import { audit, MAX_CONFIG_BYTES, type AuditOptions, type Config, type Report, type Rule, type SourceFile } from "../../engine/index.js";
import { createClassifier } from "../../engine/classify.js";
import { ignoreMatcher } from "../../engine/glob.js";
import { batches } from "../check/annotations.js";
import { configErrorOutput, fileChangeNotes, failedOutput, headConfigProblems, inProgressOutput, noDockerOutput, rerunOnOlderCommitNote, rerunOnOlderCommitOutput, skippedOutput, supersededOutput, type CheckOutput } from "../check/check-output.js";
import { baseTree } from "../files/base-tree.js";
import { collectFiles, type CollectedFiles } from "../files/collect-files.js";
import type { ChangedFile, TreeBlob } from "../files/types.js";
import { listChangedFiles, MAX_LISTED_FILES } from "../github/changed-files.js";
import { addAnnotations, closeCheckRunAtOnce, completeCheckRun, openCheckRun } from "../github/check-run.js";
import { react, replyOnPullRequest } from "../github/comments.js";
import { CONFIG_PATH, loadConfig, type LoadedConfig } from "../github/config.js";
import { tooLarge } from "../github/config-files.js";
import { mergeBase } from "../github/merge-base.js";
import { getPull, type PullInfo } from "../github/pull-request.js";
import { countRequests, totalRequests, type RequestCounts } from "../github/request-counter.js";
import { createReview, listOurComments } from "../github/review.js";
import { closeFixedComments } from "../github/threads.js";
import { getTree } from "../github/tree.js";
import type { GitHub, PullRef } from "../github/types.js";
import { decidePublication } from "./decide-publication.js";
import type { Job, OpenCheck } from "./job.js";
import type { JobControl, JobRunner } from "./queue.js";
import { isTransient, RetryLater } from "./retry-policy.js";

/** `retry`: a transient failure (GitHub unavailable, rate-limited, timed out) the queue will try again later. */
export type RunResult = "published" | "no-docker" | "superseded" | "skipped" | "config-error" | "failed" | "retry";

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
  /**
   * Audits one side off the main thread (src/app/audit-worker.ts), so a large run cannot hold the
   * event loop that answers webhooks. Default: the engine in process, with `rules` and `shellcheck`.
   */
  audit?: (files: readonly SourceFile[], options: { config: Config; tree: readonly string[]; treeTruncated: boolean; fingerprintPaths?: Readonly<Record<string, string>> }) => Promise<Report>;
}

/** The one module that runs a job: read, audit, compare, then publish unless the head moved. */
export function createJobRunner(deps: RunnerDeps): JobRunner {
  return (job, control) => runJob(job, control, deps);
}

class Stop {
  /** `quiet`: the run was handed to another replica, so not even the open check is completed. */
  constructor(readonly result: RunResult, readonly conclusion: string | null = null, readonly quiet = false) {}
}

async function runJob(job: Job, control: JobControl, deps: RunnerDeps): Promise<void> {
  const now = deps.now ?? (() => new Date());
  const startedAt = now();
  const canRetry = control.finalAttempt === false;
  const resumed = control.resumed ?? false;
  let gh: GitHub;
  try {
    gh = await deps.auth(job.installationId);
  } catch (e) {
    const error = describeError(e);
    const retry = canRetry && isTransient(e);
    deps.log.error({ err: e, key: job.key, attempt: control.attempt ?? 1, willRetry: retry }, "could not authenticate as the installation");
    deps.onRunEnd?.({ key: job.key, trigger: job.trigger, result: retry ? "retry" : "failed", headSha: null, conclusion: null, durationMs: now().getTime() - startedAt.getTime(), findings: { new: 0, fixed: 0, remaining: 0 }, comments: 0, annotations: 0, requests: {}, error });
    if (retry) throw new RetryLater(error, { cause: e });
    return;
  }
  const requests = countRequests(gh);
  // A run its stopping replica handed back belongs to another replica now: none of its writes go out.
  gh.hook.before("request", (options) => {
    if (options.method !== "GET" && control.handedBack?.()) throw new Stop("retry", null, true);
  });
  const repo = { owner: job.owner, repo: job.repo };
  const ref: PullRef = { ...repo, pullNumber: job.pullNumber };
  const outcome: RunOutcome = {
    key: job.key, trigger: job.trigger, result: "failed", headSha: null, conclusion: null, durationMs: 0,
    findings: { new: 0, fixed: 0, remaining: 0 }, comments: 0, annotations: 0, requests,
  };
  let checkRunId: number | null = null;
  let retryLater: RetryLater | null = null;
  let leftOpen: number | null = null;
  // Reads sent beside others: the run ends only once they have settled (in `finally`).
  const inFlight: Promise<unknown>[] = [];
  const beside = <T>(p: Promise<T>): Promise<T> => (inFlight.push(p.catch(() => undefined)), p);
  const listing = new AbortController();
  const answeredReruns = new Set<number>();
  const answer = async (checks: readonly OpenCheck[]) => {
    if (!checks.length) return;
    for (const c of checks) answeredReruns.add(c.id);
    await Promise.resolve(control.answered?.(checks)).catch((err) => deps.log.warn({ err, key: job.key }, "could not record the answered re-runs"));
  };
  const answerComments = async (content: "rocket" | "confused") => {
    const comments = [...job.commentIds.map((id) => ({ id, kind: "issue" as const })), ...(job.reviewCommentIds ?? []).map((id) => ({ id, kind: "review" as const }))];
    for (const { id, kind } of comments) await react(gh, repo, id, content, kind).catch((e) => deps.log.warn({ err: e, comment: id }, "could not react"));
  };

  try {
    const pull = job.pull ?? (await getPull(gh, ref));
    outcome.headSha = pull.headSha;
    // Checks an earlier attempt left in progress: reuse the one on this head, finish the others.
    const carried = job.openChecks ?? [];
    leftOpen = pull.state === "open" ? (carried.filter((c) => c.headSha === pull.headSha).map((c) => c.id).sort((a, b) => b - a)[0] ?? null) : null;
    for (const stale of carried.filter((c) => c.id !== leftOpen)) {
      await completeCheckRun(gh, repo, stale.id, { conclusion: "neutral", output: supersededOutput(pull.state === "open" ? pull.headSha : null), completedAt: now() })
        .catch((err) => deps.log.warn({ err, key: job.key, checkRun: stale.id }, "could not complete a check an earlier attempt left open"));
    }
    // Re-runs asked on commits the PR has moved past: answered on their own runs, the head is audited.
    const olderReruns = pull.state === "open" ? (job.rerequestedChecks ?? []).filter((c) => c.headSha !== pull.headSha && !carried.some((o) => o.id === c.id)) : [];
    const unanswered = new Set<number>();
    for (const older of olderReruns) {
      await completeCheckRun(gh, repo, older.id, { conclusion: "neutral", output: rerunOnOlderCommitOutput(pull.headSha), completedAt: now() }).catch((err) => {
        unanswered.add(older.id);
        deps.log.warn({ err, key: job.key, checkRun: older.id }, "could not complete the re-run of an older commit");
      });
    }
    // The head read, every re-run has its answer: on its own run, or this run's check on the head.
    await answer((job.rerequestedChecks ?? []).filter((c) => !unanswered.has(c.id)));
    if (pull.state !== "open") {
      if (job.commentIds.length || job.reviewCommentIds?.length) await replyOnPullRequest(gh, repo, job.pullNumber, "dockaudit audits open pull requests only; this one is closed, so nothing was run.");
      await answerComments("confused");
      throw new Stop("skipped");
    }
    // The changed files and the head's tree need only the head SHA: they go out with the config
    // read, unless the PR is a draft the config will most likely skip.
    const readHead = (): HeadReads => ({ changed: beside(listChangedFiles(gh, ref, listing.signal)), tree: beside(getTree(gh, repo, pull.headSha)) });
    const early = pull.draft && !job.force ? null : readHead();
    // A run that ends before auditing writes once: its check is created completed, or the one an
    // earlier attempt left open is completed.
    const completeAtOnce = async (conclusion: "failure" | "neutral", output: CheckOutput) => {
      checkRunId = await closeCheckRunAtOnce(gh, repo, { headSha: pull.headSha, pullNumber: job.pullNumber, conclusion, output, now, existing: leftOpen, reuse: resumed });
    };
    const metas = deps.rules.map((r) => r.meta);
    /**
     * The PR's own version of the config, when it changes the file: never applied, only validated,
     * and not even read when the head's tree says it is larger than a config may be.
     */
    const proposedConfig = async (reads: HeadReads, changed: ChangedFile[]): Promise<LoadedConfig | null> => {
      if (!changed.some((f) => f.filename === CONFIG_PATH && f.status !== "removed")) return null;
      const size = (await reads.tree).blobs.find((b) => b.path === CONFIG_PATH)?.size ?? 0;
      if (size > MAX_CONFIG_BYTES) return { ok: false, problems: [tooLarge(size)] };
      return loadConfig(gh, repo, metas, pull.headSha);
    };
    const loaded = await loadConfig(gh, repo, metas);
    if (!loaded.ok) {
      // The pull request that repairs the file must not be blocked by the breakage it repairs; one
      // that also changes Docker files could not be audited, so it still fails closed.
      const reads = early ?? readHead();
      const changed = await reads.changed;
      const proposed = await proposedConfig(reads, changed);
      const isDocker = createClassifier();
      const repairs = proposed?.ok === true && !changed.some((f) => isDocker(f.filename));
      await completeAtOnce(repairs ? "neutral" : "failure", configErrorOutput(loaded.problems, repairs));
      await answerComments("confused");
      throw new Stop("config-error", repairs ? "neutral" : "failure");
    }
    const config = loaded.config;
    if (pull.draft && !config.drafts && !job.force) throw new Stop("skipped");
    if (await control.superseded()) throw new Stop("superseded");
    const reads = early ?? readHead();
    const changed = await reads.changed;
    const notes = [...new Set(olderReruns.map((c) => c.headSha))].map(rerunOnOlderCommitNote).concat(scopeNotes(pull, changed));
    // The PR's own config is never applied (the head is untrusted), but it is checked: merged
    // invalid, it would fail every run of the repository.
    const blockers: string[] = [];
    const proposed = await proposedConfig(reads, changed);
    if (proposed && !proposed.ok) {
      notes.push(headConfigProblems(proposed.problems));
      blockers.push(`this pull request's \`${CONFIG_PATH}\` is invalid`);
    }
    const classify = createClassifier(config.files);
    const ignored = ignoreMatcher(config.ignore);
    const docker = changed.filter((f) => classify(f.filename));
    if (!docker.some((f) => !ignored(f.filename))) {
      const output = noDockerOutput(Math.max(changed.length, pull.changedFiles), notes, docker.length > 0);
      if (blockers.length) {
        await completeAtOnce("failure", { ...output, title: `Invalid ${CONFIG_PATH} in this pull request` });
        await answerComments("rocket");
        throw new Stop("config-error", "failure");
      }
      await completeAtOnce("neutral", output);
      await answerComments("rocket");
      throw new Stop("no-docker", "neutral");
    }
    // The check opens while the contents are read; both settle before either outcome is acted on,
    // so a failure never leaves a check in progress. A retried or taken-over request finds the
    // run an earlier attempt created: one check per head.
    const [opened, read] = await Promise.allSettled([
      openCheckRun(gh, repo, { headSha: pull.headSha, pullNumber: job.pullNumber, output: inProgressOutput(pull.headSha), startedAt, existing: leftOpen, reuse: resumed }),
      readDockerFiles(gh, { repo, pull, config, changed, tree: reads.tree }),
    ]);
    if (opened.status === "rejected") throw opened.reason;
    checkRunId = opened.value.id;
    if (read.status === "rejected") throw read.reason;
    const { tree, files } = read.value;
    if (tree.truncated) notes.push("The repository tree is too large for one listing, so some linked files (build Dockerfiles, .dockerignore) may be missing from the audit.");
    notes.push(...fileChangeNotes(files.removedPaths, files.moves), ...files.notes);
    // Reads that need nothing from the audit go out before it starts (the in-process audit does
    // not yield): the head is re-read, to be compared before any write.
    const current = beside(getPull(gh, ref));
    // A new PR has none of our comments, unless an earlier attempt at this run posted its review.
    const ours = job.trigger === "pull_request.opened" && !resumed ? Promise.resolve([]) : beside(listOurComments(gh, ref, opened.value.botLogin));
    const auditOptions = { config, tree: tree.blobs.map((b) => b.path), treeTruncated: tree.truncated };
    const auditSide = deps.audit ?? (async (sources: readonly SourceFile[], options: AuditOptions) => audit(sources, deps.rules, { ...options, shellcheck: deps.shellcheck }));
    // The base is audited with its own tree (the head's with the PR's changes undone), so a file
    // the PR deletes is missing at head only. The base fingerprints each moved file at its head
    // path, so what moved with it matches exactly.
    const before = baseTree(tree, changed);
    const baseOptions = { config, tree: before.paths, treeTruncated: before.truncated, ...(files.moves.size ? { fingerprintPaths: Object.fromEntries(files.moves) } : {}) };
    const [head, base] = await Promise.all([auditSide(files.head, auditOptions), auditSide(files.base, baseOptions)]);
    const existing = await ours;
    let publication = decidePublication({ head, base, files, config, rules: deps.rules, existing, notes, blockers });
    const { comparison, annotations } = publication;
    Object.assign(outcome.findings, { new: comparison.added.length, fixed: comparison.fixed.length, remaining: head.findings.length });

    if (await control.superseded()) throw new Stop("superseded");
    const { headSha: currentHead, state: currentState } = await current;
    if (currentHead !== pull.headSha) {
      await completeCheckRun(gh, repo, checkRunId, { conclusion: "neutral", output: supersededOutput(currentHead), completedAt: now() });
      throw new Stop("superseded", "neutral");
    }
    // Closed or merged while it was audited (the run may have started from the webhook's snapshot
    // of an open PR): no review lands on it; the open check is completed as not audited.
    if (currentState !== "open") {
      await answerComments("confused");
      throw new Stop("skipped");
    }

    // Writes, one at a time: the review, closing fixed comments, annotations, then the conclusion last.
    if (publication.plan.comments.length) {
      try {
        await createReview(gh, ref, { commitId: pull.headSha, body: publication.reviewBody, comments: publication.plan.comments });
      } catch (e) {
        if ((e as { status?: number }).status !== 422) throw e;
        deps.log.warn({ err: e, key: job.key }, "GitHub refused the review; its findings go to the check summary");
        notes.push(`GitHub refused this run's review (${describeError(e)}), so the findings it would have commented are listed here.`);
        publication = decidePublication({ head, base, files, config, rules: deps.rules, existing, notes, blockers, reviewRefused: true });
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
      const open = checkRunId ?? leftOpen;
      if (open !== null && outcome.conclusion === null && !e.quiet) {
        const output = e.result === "superseded" ? supersededOutput(null) : skippedOutput();
        await completeCheckRun(gh, repo, open, { conclusion: "neutral", output, completedAt: now() }).catch(() => undefined);
        outcome.conclusion = "neutral";
      }
    } else if (canRetry && isTransient(e)) {
      // Left in progress: the next attempt finds this check run and completes it.
      outcome.error = describeError(e);
      outcome.result = "retry";
      deps.log.warn({ err: e, key: job.key, attempt: control.attempt ?? 1 }, "dockaudit run hit a transient failure; the queue retries it");
      const open = checkRunId ?? leftOpen;
      retryLater = new RetryLater(outcome.error, { cause: e, openCheck: open !== null && outcome.headSha ? { id: open, headSha: outcome.headSha } : null });
    } else {
      outcome.error = describeError(e);
      deps.log.error({ err: e, key: job.key }, "dockaudit run failed");
      const attempts = control.attempt && control.attempt > 1 ? ` (after ${control.attempt} attempts)` : "";
      await failSafely(gh, repo, { checkRunId: checkRunId ?? leftOpen, headSha: outcome.headSha, pullNumber: job.pullNumber, resumed }, failedOutput(outcome.error + attempts), now, deps.log);
      outcome.conclusion = outcome.headSha ? "neutral" : null;
      await answerComments("confused");
    }
  } finally {
    listing.abort();
    await Promise.all(inFlight);
    const leftReruns = (job.rerequestedChecks ?? []).filter((c) => !answeredReruns.has(c.id)).map((c) => c.id);
    if (leftReruns.length) deps.log.warn({ key: job.key, checkRuns: leftReruns, result: outcome.result, error: outcome.error }, "re-runs not answered by this run: a retry, or the request that replaced it, answers them");
    outcome.durationMs = now().getTime() - startedAt.getTime();
    deps.log.info(
      { repo: `${job.owner}/${job.repo}`, pr: job.pullNumber, head: outcome.headSha, trigger: job.trigger, result: outcome.result, conclusion: outcome.conclusion, durationMs: outcome.durationMs, findings: outcome.findings, comments: outcome.comments, annotations: outcome.annotations, apiCalls: totalRequests(requests), apiCallsByKind: requests },
      "dockaudit run",
    );
    deps.onRunEnd?.(outcome);
  }
  if (retryLater) throw retryLater;
}

interface HeadReads {
  changed: Promise<ChangedFile[]>;
  tree: Promise<{ blobs: TreeBlob[]; truncated: boolean }>;
}

/** The changed files; when Docker files are among them, the head tree and the files to audit. */
async function readDockerFiles(
  gh: GitHub,
  input: { repo: { owner: string; repo: string }; pull: PullInfo; config: Config; changed: ChangedFile[]; tree: HeadReads["tree"] },
): Promise<{ tree: { blobs: TreeBlob[]; truncated: boolean }; files: CollectedFiles }> {
  // Asked for beside the tree; only the base-side reads wait for it (mergeBase never rejects).
  const baseSha = mergeBase(gh, input.repo, input.pull.baseSha, input.pull.headSha);
  const tree = await input.tree;
  const files = await collectFiles(gh, { repo: input.repo, headSha: input.pull.headSha, baseSha, config: input.config, changed: input.changed, tree: tree.blobs });
  return { tree, files };
}

/** Never leave a check in progress: complete it (or create one) as neutral, saying what failed. */
async function failSafely(
  gh: GitHub,
  repo: { owner: string; repo: string },
  at: { checkRunId: number | null; headSha: string | null; pullNumber: number; resumed: boolean },
  output: CheckOutput,
  now: () => Date,
  log: Logger,
): Promise<void> {
  // No head read: no check was opened either (a check run id is only ever known after the head).
  if (!at.headSha) return;
  // This is the last word on the check, so it gets a few more tries of its own (GitHub may still be failing).
  for (let attempt = 1; ; attempt++) {
    try {
      await closeCheckRunAtOnce(gh, repo, { headSha: at.headSha, pullNumber: at.pullNumber, conclusion: "neutral", output, now, existing: at.checkRunId, reuse: at.resumed });
      return;
    } catch (e) {
      if (attempt >= FAIL_SAFELY_TRIES || !isTransient(e)) {
        log.error({ err: e }, "could not mark the check as failed");
        return;
      }
      await new Promise((r) => setTimeout(r, 1000 * attempt));
    }
  }
}

const FAIL_SAFELY_TRIES = 3;

function scopeNotes(pull: PullInfo, changed: readonly ChangedFile[]): string[] {
  const notes: string[] = [];
  if (pull.changedFiles > changed.length) notes.push(`GitHub lists only the first ${Math.min(changed.length, MAX_LISTED_FILES)} of this pull request's ${pull.changedFiles} changed files; Docker files beyond them were not audited.`);
  if (changed.some((f) => f.filename === CONFIG_PATH)) notes.push(`This pull request changes \`${CONFIG_PATH}\`. dockaudit reads its configuration from the default branch, so the change applies once it is merged.`);
  // A config under another name is silently never read: say so while it is being added.
  for (const f of changed) {
    if (f.status !== "removed" && MISNAMED_CONFIG.test(f.filename)) notes.push(`\`${f.filename}\` is not read: dockaudit reads its configuration from \`${CONFIG_PATH}\` only.`);
  }
  return notes;
}

const MISNAMED_CONFIG = /^(?:\.github\/dockaudit\.(?:yaml|json)|\.?dockaudit\.ya?ml|\.github\/\.dockaudit\.ya?ml)$/;

export function describeError(e: unknown): string {
  const err = e as { status?: number; message?: string; request?: { method?: string; url?: string } };
  const message = (err?.message ?? String(e)).split("\n")[0].slice(0, 300);
  if (err?.status && err.request?.method) {
    const path = (err.request.url ?? "").replace(/^https?:\/\/[^/]+/, "").replace(/\?.*$/, "");
    return `GitHub answered ${err.status} to \`${err.request.method} ${path}\`: ${message}`;
  }
  return `An unexpected error stopped the audit: ${message}`;
}

