import type { ChangedFile, TreeBlob } from "./types.js";

/**
 * The base side's tree, without a request: the head's tree with the PR's changes undone. An added
 * or copied file was not at base, a removed one was, a renamed one was at its previous path. The
 * PR's files are its diff from the commit it branched from, the base side audited. When the
 * head's tree is partial, or GitHub did not list every changed file (`listedInFull`), what the
 * base holds is not known: the tree is partial, so existence checks say nothing rather than guess.
 */
export function baseTree(head: { blobs: readonly TreeBlob[]; truncated: boolean }, changed: readonly ChangedFile[], listedInFull: boolean): { paths: string[]; truncated: boolean } {
  const paths = new Set(head.blobs.map((b) => b.path));
  let truncated = head.truncated || !listedInFull;
  // Every head path the PR brought is taken out before the base paths go back in: a file renamed
  // away from a path another file is added at was at base.
  for (const f of changed) if (f.status === "added" || f.status === "copied" || f.status === "renamed") paths.delete(f.filename);
  for (const f of changed) {
    if (f.status === "removed") paths.add(f.filename);
    else if (f.status === "renamed") {
      if (f.previous_filename) paths.add(f.previous_filename);
      else truncated = true;
    }
  }
  return { paths: [...paths], truncated };
}
