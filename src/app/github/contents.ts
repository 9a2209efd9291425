import type { GitHub, PullRef } from "./types.js";

type Repo = Omit<PullRef, "pullNumber">;

function decode(base64: string): string {
  return Buffer.from(base64, "base64").toString("utf8");
}

/** A blob by SHA: no path or ref to resolve, and up to 100 MB. */
export async function readBlob(gh: GitHub, repo: Repo, sha: string): Promise<string> {
  const { data } = await gh.rest.git.getBlob({ owner: repo.owner, repo: repo.repo, file_sha: sha });
  return data.encoding === "base64" ? decode(data.content) : data.content;
}

/**
 * A file at a commit SHA, or null when it does not exist there. The contents API returns no
 * content for files over 1 MB, so those are read again through the blob API.
 */
export async function readAtCommit(gh: GitHub, repo: Repo, path: string, sha: string): Promise<string | null> {
  try {
    const { data } = await gh.rest.repos.getContent({ owner: repo.owner, repo: repo.repo, path, ref: sha });
    if (Array.isArray(data) || data.type !== "file") return null;
    if ("content" in data && data.encoding === "base64" && (data.content || data.size === 0)) return decode(data.content);
    return readBlob(gh, repo, data.sha);
  } catch (e) {
    if ((e as { status?: number }).status === 404) return null;
    throw e;
  }
}

/** Runs `fn` over `items` with at most `limit` calls in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
