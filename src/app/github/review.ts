import { markerOf } from "../review/marker.js";
import type { ReviewComment } from "../review/plan-review.js";
import type { GitHub, PullRef } from "./types.js";

export interface OurComment {
  id: number;
  nodeId: string;
  fingerprint: string;
  path: string;
  /** Someone answered it: deleting it would lose their reply. */
  hasReplies: boolean;
  /**
   * GitHub no longer shows it on the diff (a push rewrote its lines; the API then gives it no
   * `line`): a finding it carried is still uncommented as far as the author can see.
   */
  outdated: boolean;
}

/**
 * Our earlier inline comments on the PR: written by the app's bot account (`botLogin`, as the check
 * run names the app) and carrying a fingerprint marker. Anyone can quote a marker, so a comment by
 * another account never counts: it would silence a finding, or be closed as ours. Review comments
 * say who wrote them in `user` only (no `performed_via_github_app`). Without `botLogin` (GitHub did
 * not name the app), any bot's comment counts.
 */
export async function listOurComments(gh: GitHub, ref: PullRef, botLogin: string | null): Promise<OurComment[]> {
  const all = await gh.paginate(gh.rest.pulls.listReviewComments, { owner: ref.owner, repo: ref.repo, pull_number: ref.pullNumber, per_page: 100 });
  const repliedTo = new Set(all.map((c) => c.in_reply_to_id).filter((id): id is number => typeof id === "number"));
  const ours = (user: { type?: string; login?: string } | null | undefined) => user?.type === "Bot" && (botLogin === null || user.login === botLogin);
  return all
    .filter((c) => ours(c.user) && !c.in_reply_to_id)
    .map((c) => ({ c, fp: markerOf(c.body) }))
    .filter((x): x is { c: (typeof all)[number]; fp: string } => x.fp !== null)
    .map(({ c, fp }) => ({ id: c.id, nodeId: c.node_id, fingerprint: fp, path: c.path, hasReplies: repliedTo.has(c.id), outdated: c.line === null }));
}

/** The run's one review: `COMMENT`, pinned to the audited head so a moved head cannot misplace it. */
export async function createReview(gh: GitHub, ref: PullRef, review: { commitId: string; body: string; comments: ReviewComment[] }): Promise<number> {
  const { data } = await gh.rest.pulls.createReview({
    owner: ref.owner,
    repo: ref.repo,
    pull_number: ref.pullNumber,
    commit_id: review.commitId,
    event: "COMMENT",
    body: review.body,
    comments: review.comments,
  });
  return data.id;
}
