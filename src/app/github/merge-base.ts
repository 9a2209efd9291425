import type { GitHub } from "./types.js";

/**
 * Where the PR's head branched from its base: the commit its diff (the PR's files) is taken from.
 * The PR's `base.sha` is the base branch's tip, which moves on without the PR, so what changed
 * there since would count as this PR's doing. GitHub's own answer is the compare of `base...head`;
 * when it has none (unrelated histories), the base is used as it is.
 */
export async function mergeBase(gh: GitHub, repo: { owner: string; repo: string }, baseSha: string, headSha: string): Promise<string> {
  try {
    const { data } = await gh.rest.repos.compareCommitsWithBasehead({ owner: repo.owner, repo: repo.repo, basehead: `${baseSha}...${headSha}`, per_page: 1 });
    return data.merge_base_commit?.sha ?? baseSha;
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (status === 404 || status === 422) return baseSha;
    throw e;
  }
}
