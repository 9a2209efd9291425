import type { DfInstruction } from "./parse/dockerfile.js";
import type { Range } from "./types.js";

/** Extensions of the archives `ADD` extracts on its own (tar, optionally compressed). */
export const ARCHIVE_EXTENSIONS = [
  ".tar", ".tar.bz2", ".tb2", ".tbz", ".tbz2", ".tar.gz", ".tgz", ".tpz", ".tar.lz", ".tar.lzma", ".tlz", ".tar.xz", ".txz", ".tar.Z", ".tZ", ".tar.zst",
];

export const isArchivePath = (path: string): boolean => {
  const clean = path.replace(/^["']|["']$/g, "");
  return ARCHIVE_EXTENSIONS.some((ext) => clean.endsWith(ext));
};

/** A remote source of ADD: `http(s)://…`, `git@host:…` or any `scheme://`. */
export const isRemoteSource = (src: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(src) || /^git@/.test(src);

export interface CopySource {
  value: string;
  /** null for exec-form (JSON) instructions, whose words have no ranges of their own. */
  range: Range | null;
}

/** Sources and destination of COPY/ADD (shell or JSON form); empty sources for heredoc sources. */
export function copyOperands(ins: DfInstruction): { sources: CopySource[]; dest: CopySource | null } {
  if (ins.heredocs.length) return { sources: [], dest: null };
  if (ins.execForm) {
    const words = ins.execForm.map((value) => ({ value, range: null }));
    return { sources: words.slice(0, -1), dest: words[words.length - 1] ?? null };
  }
  const words = ins.args.map((a) => ({ value: a.value, range: a.range }));
  if (words.length < 2) return { sources: [], dest: words[0] ?? null };
  return { sources: words.slice(0, -1), dest: words[words.length - 1] };
}
