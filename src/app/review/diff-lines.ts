/** Right-side (head) line span of one hunk, inclusive, and the left-side (base) lines it replaces. */
export interface HunkSpan {
  start: number;
  end: number;
  /** The base lines of the hunk, inclusive (`end` < `start` when it only adds lines); unknown when absent. */
  base?: { start: number; end: number };
}

/** A hunk header: `@@ -old[,count] +new[,count] @@`, a count of 1 left out. */
const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * The hunks of one file's `patch` from the PR-files API. GitHub accepts a review comment only on a
 * right-side line inside a hunk, and a multi-line comment only when both ends are in the same hunk.
 * Only the headers are read (every content line starts with `+`, `-`, ` ` or `\`): this runs on the
 * server's main thread, for patches of up to a megabyte per file.
 */
export function hunksOf(patch: string | null | undefined): HunkSpan[] {
  const spans: HunkSpan[] = [];
  if (!patch) return spans;
  for (let at = 0; at < patch.length; ) {
    const end = patch.indexOf("\n", at);
    const stop = end < 0 ? patch.length : end;
    const header = patch.startsWith("@@", at) ? HUNK_HEADER.exec(patch.slice(at, Math.min(stop, at + 100))) : null;
    if (header) {
      const start = Number(header[3]);
      const lines = header[4] === undefined ? 1 : Number(header[4]);
      const baseStart = Number(header[1]);
      const baseLines = header[2] === undefined ? 1 : Number(header[2]);
      if (lines > 0) spans.push({ start, end: start + lines - 1, base: { start: baseStart, end: baseStart + baseLines - 1 } });
    }
    at = stop + 1;
  }
  return spans;
}

export interface LineSpan {
  /** First line, set only when the span covers more than one line. */
  startLine?: number;
  line: number;
}

/**
 * Where a comment about lines `first..last` can go: the whole span when one hunk holds it, else
 * the part of it inside the first hunk it overlaps, else nowhere (null).
 */
export function placeInHunks(hunks: readonly HunkSpan[], first: number, last: number): { span: LineSpan; whole: boolean } | null {
  for (const h of hunks) {
    if (h.start <= first && last <= h.end) return { span: spanOf(first, last), whole: true };
  }
  for (const h of hunks) {
    const from = Math.max(first, h.start);
    const to = Math.min(last, h.end);
    if (from <= to) return { span: spanOf(from, to), whole: false };
  }
  return null;
}

function spanOf(first: number, last: number): LineSpan {
  return first < last ? { startLine: first, line: last } : { line: last };
}
