import type { ChangedFile, TreeBlob } from "./types.js";

/**
 * The base side's tree, without a request: the head's tree with the PR's changes undone. An added
 * or copied file was not at base, a removed one was, a renamed one was at its previous path. The
 * PR's files are its diff from the commit it branched from, the base side audited.
 *
 * Past GitHub's 3000 listed files the changes not listed stay as they are at head. The base is
 * only compared with the head: a base that saw no file at all (a partial tree) would find no file
 * missing, and every such finding at head would read as new in the largest pull requests.
 */
export function baseTree(head: { blobs: readonly TreeBlob[]; truncated: boolean }, changed: readonly ChangedFile[]): { paths: string[]; truncated: boolean } {
  const paths = new Set(head.blobs.map((b) => b.path));
  // Every head path the PR brought is taken out before the base paths go back in: a file renamed
  // away from a path another file is added at was at base.
  const before = (f: ChangedFile) => (f.status === "removed" ? f.filename : f.status === "renamed" ? f.previous_filename : undefined);
  for (const f of changed) if (f.status === "added" || f.status === "copied" || (f.status === "renamed" && f.previous_filename)) paths.delete(f.filename);
  for (const f of changed) {
    const path = before(f);
    if (path) paths.add(path);
  }
  return { paths: [...paths], truncated: head.truncated };
}
