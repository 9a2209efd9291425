import type { OurComment } from "./review.js";
import type { GitHub, PullRef } from "./types.js";

const THREADS_QUERY = `query($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        nodes { id isResolved comments(first: 1) { nodes { databaseId } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`;

const RESOLVE_MUTATION = `mutation($threadId: ID!) { resolveReviewThread(input: { threadId: $threadId }) { thread { id isResolved } } }`;

interface ThreadsPage {
  repository: { pullRequest: { reviewThreads: { nodes: { id: string; isResolved: boolean; comments: { nodes: { databaseId: number }[] } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } };
}

export interface CloseResult {
  resolved: number;
  deleted: number;
  failed: number;
}

/**
 * Closes our comments whose finding is fixed: their review threads are resolved through GraphQL
 * (REST cannot); when GraphQL is refused, comments nobody answered are deleted instead.
 */
export async function closeFixedComments(gh: GitHub, ref: PullRef, fixed: readonly OurComment[]): Promise<CloseResult> {
  const result: CloseResult = { resolved: 0, deleted: 0, failed: 0 };
  if (!fixed.length) return result;
  let threads: Map<number, { id: string; isResolved: boolean }>;
  try {
    threads = await threadsByFirstComment(gh, ref);
  } catch {
    return deleteUnanswered(gh, ref, fixed, result);
  }
  for (const c of fixed) {
    const thread = threads.get(c.id);
    if (!thread) continue;
    if (thread.isResolved) continue;
    try {
      await gh.graphql(RESOLVE_MUTATION, { threadId: thread.id });
      result.resolved++;
    } catch {
      if (c.hasReplies) result.failed++;
      else await deleteOne(gh, ref, c, result);
    }
  }
  return result;
}

async function threadsByFirstComment(gh: GitHub, ref: PullRef): Promise<Map<number, { id: string; isResolved: boolean }>> {
  const map = new Map<number, { id: string; isResolved: boolean }>();
  let cursor: string | null = null;
  for (let page = 0; page < 20; page++) {
    const data: ThreadsPage = await gh.graphql<ThreadsPage>(THREADS_QUERY, { owner: ref.owner, repo: ref.repo, number: ref.pullNumber, cursor });
    const { nodes, pageInfo } = data.repository.pullRequest.reviewThreads;
    for (const t of nodes) {
      const first = t.comments.nodes[0]?.databaseId;
      if (first !== undefined) map.set(first, { id: t.id, isResolved: t.isResolved });
    }
    if (!pageInfo.hasNextPage) break;
    cursor = pageInfo.endCursor;
  }
  return map;
}

async function deleteUnanswered(gh: GitHub, ref: PullRef, fixed: readonly OurComment[], result: CloseResult): Promise<CloseResult> {
  for (const c of fixed) {
    if (c.hasReplies) result.failed++;
    else await deleteOne(gh, ref, c, result);
  }
  return result;
}

async function deleteOne(gh: GitHub, ref: PullRef, c: OurComment, result: CloseResult): Promise<void> {
  try {
    await gh.rest.pulls.deleteReviewComment({ owner: ref.owner, repo: ref.repo, comment_id: c.id });
    result.deleted++;
  } catch {
    result.failed++;
  }
}
