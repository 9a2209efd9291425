/** The fields of a PR-files entry the app reads. */
export interface ChangedFile {
  filename: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";
  previous_filename?: string;
  /** Blob SHA of the head version. */
  sha: string | null;
  patch?: string;
}

/** A blob of the head tree. */
export interface TreeBlob {
  path: string;
  sha: string;
  size: number;
  /** A symbolic link (mode 120000): its blob is the target's path, not a file's content. */
  symlink?: boolean;
}
