import type { TreeBlob } from "../files/types.js";
import type { GitHub, PullRef } from "./types.js";

/** The whole repository tree at a commit, in one request. */
export async function getTree(gh: GitHub, ref: Omit<PullRef, "pullNumber">, sha: string): Promise<{ blobs: TreeBlob[]; truncated: boolean }> {
  const { data } = await gh.rest.git.getTree({ owner: ref.owner, repo: ref.repo, tree_sha: sha, recursive: "1" });
  const blobs = data.tree.filter((e) => e.type === "blob" && e.path && e.sha).map((e) => ({ path: e.path!, sha: e.sha!, size: e.size ?? 0, ...(e.mode === "120000" ? { symlink: true } : {}) }));
  return { blobs, truncated: data.truncated };
}
