/** What a webhook asks for, reduced to plain values: serialisable, so a Redis queue can carry it. */
export interface Job {
  /** `owner/repo#number`: jobs with the same key coalesce. */
  key: string;
  installationId: number;
  owner: string;
  repo: string;
  pullNumber: number;
  /** The head the event named, when it named one. */
  headSha: string | null;
  /** The PR as a pull_request event described it: saves reading it again at the start of the run. */
  pull?: PullSnapshot;
  /** What caused the run, for logs: `pull_request.synchronize`, `check_run.rerequested`, `comment`. */
  trigger: string;
  /** Run even on a draft when drafts are off (an explicit re-run). */
  force: boolean;
  /** `/dockaudit recheck` comments to answer with 🚀 (or 😕) when the run ends. */
  commentIds: number[];
  /** The same, typed as a reply in a review thread (their reactions have their own endpoint). */
  reviewCommentIds?: number[];
  /** X-GitHub-Delivery of the webhook that asked last. */
  deliveryId: string;
  /** Epoch ms when the newest request for this job arrived. */
  requestedAt: number;
  /**
   * Check runs an earlier attempt left in progress before a retry: the next run reuses the one on
   * its head and completes the others as superseded, so none stays in progress.
   */
  openChecks?: OpenCheck[];
  /**
   * The runs whose Re-run button (or action) asked for this job. One on a commit that no longer
   * heads the PR is completed as superseded, pointing to the head's run: GitHub put its suite back
   * in the queue and leaves answering to the app.
   */
  rerequestedChecks?: OpenCheck[];
}

export interface OpenCheck {
  id: number;
  headSha: string;
}

export interface PullSnapshot {
  number: number;
  state: string;
  draft: boolean;
  headSha: string;
  baseSha: string;
  changedFiles: number;
}

export function jobKey(owner: string, repo: string, pullNumber: number): string {
  return `${owner}/${repo}#${pullNumber}`;
}

export function makeJob(fields: Omit<Job, "key" | "force" | "commentIds" | "requestedAt"> & Partial<Pick<Job, "force" | "commentIds" | "requestedAt">>): Job {
  return {
    force: false,
    commentIds: [],
    requestedAt: Date.now(),
    ...fields,
    key: jobKey(fields.owner, fields.repo, fields.pullNumber),
  };
}

/** The newer request wins, but keeps the older one's promises: its comments still get an answer, its open (and re-run) checks get completed. */
export function mergeJobs(older: Job, newer: Job): Job {
  const openChecks = withOpenChecks(older.openChecks ?? [], newer.openChecks ?? []);
  const rerequestedChecks = withOpenChecks(older.rerequestedChecks ?? [], newer.rerequestedChecks ?? []);
  return {
    ...newer,
    force: older.force || newer.force,
    commentIds: [...new Set([...older.commentIds, ...newer.commentIds])],
    ...(older.reviewCommentIds?.length || newer.reviewCommentIds?.length ? { reviewCommentIds: [...new Set([...(older.reviewCommentIds ?? []), ...(newer.reviewCommentIds ?? [])])] } : {}),
    ...(openChecks.length ? { openChecks } : {}),
    ...(rerequestedChecks.length ? { rerequestedChecks } : {}),
  };
}

/** The job without the re-run checks in `answered`. */
export function withoutAnswered(job: Job, answered: ReadonlySet<number>): Job {
  const { rerequestedChecks, ...rest } = job;
  const left = (rerequestedChecks ?? []).filter((c) => !answered.has(c.id));
  return left.length ? { ...rest, rerequestedChecks: left } : rest;
}

/** `a` then `b`, one entry per check run id. */
export function withOpenChecks(a: readonly OpenCheck[], b: readonly OpenCheck[]): OpenCheck[] {
  const byId = new Map<number, OpenCheck>();
  for (const c of [...a, ...b]) byId.set(c.id, c);
  return [...byId.values()];
}
