import type { GitHub, PullRef } from "./types.js";

export interface PullInfo {
  number: number;
  state: string;
  draft: boolean;
  headSha: string;
  baseSha: string;
  changedFiles: number;
}

export async function getPull(gh: GitHub, ref: PullRef): Promise<PullInfo> {
  const { data } = await gh.rest.pulls.get({ owner: ref.owner, repo: ref.repo, pull_number: ref.pullNumber });
  return {
    number: data.number,
    state: data.state,
    draft: !!data.draft,
    headSha: data.head.sha,
    baseSha: data.base.sha,
    changedFiles: data.changed_files,
  };
}
