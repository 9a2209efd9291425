import type { ChangedFile } from "../files/types.js";
import type { GitHub, PullRef } from "./types.js";

/** GitHub lists at most 3000 files of a pull request, 100 per page. */
export const MAX_LISTED_FILES = 3000;

/** `stop`: once aborted, no further page is requested (the run no longer needs the list). */
export async function listChangedFiles(gh: GitHub, ref: PullRef, stop?: AbortSignal): Promise<ChangedFile[]> {
  const files: ChangedFile[] = [];
  for await (const page of gh.paginate.iterator(gh.rest.pulls.listFiles, { owner: ref.owner, repo: ref.repo, pull_number: ref.pullNumber, per_page: 100 })) {
    for (const f of page.data) {
      const entry: ChangedFile = { filename: f.filename, status: f.status, sha: f.sha ?? null };
      if (f.previous_filename) entry.previous_filename = f.previous_filename;
      if (f.patch !== undefined) entry.patch = f.patch;
      files.push(entry);
    }
    if (files.length >= MAX_LISTED_FILES || page.data.length < 100 || stop?.aborted) break;
  }
  return files;
}
