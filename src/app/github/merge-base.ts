import type { GitHub } from "./types.js";

/**
 * Where the PR's head branched from its base: the commit its diff (the PR's files) is taken from.
 * The PR's `base.sha` is the base branch's tip, which moves on without the PR, so what changed
 * there since would count as this PR's doing. GitHub's own answer is the compare of `base...head`;
 * when it gives none (unrelated histories, a comparison too large to compute), the base is used as
 * it is: the audit is then only as exact as it was before, never stopped.
 */
export async function mergeBase(gh: GitHub, repo: { owner: string; repo: string }, baseSha: string, headSha: string): Promise<string> {
  try {
    const { data } = await gh.rest.repos.compareCommitsWithBasehead({ owner: repo.owner, repo: repo.repo, basehead: `${baseSha}...${headSha}`, per_page: 1 });
    return data.merge_base_commit?.sha ?? baseSha;
  } catch {
    return baseSha;
  }
}
