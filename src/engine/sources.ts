/**
 * Extensions of the archives `ADD` extracts on its own: tar, uncompressed or compressed with gzip,
 * bzip2, xz or zstd (the builder recognises only those). lzip, lzma and compress (`.Z`) archives
 * are copied as they are.
 */
export const ARCHIVE_EXTENSIONS = [
  ".tar", ".tar.bz2", ".tb2", ".tbz", ".tbz2", ".tar.gz", ".tgz", ".tar.xz", ".txz", ".tar.zst", ".tzst",
];

export const isArchivePath = (path: string): boolean => {
  const clean = path.replace(/^["']|["']$/g, "");
  return ARCHIVE_EXTENSIONS.some((ext) => clean.endsWith(ext));
};

/** A remote source of ADD: `http(s)://…`, `git@host:…` or any `scheme://`. */
export const isRemoteSource = (src: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(src) || /^git@/.test(src);
