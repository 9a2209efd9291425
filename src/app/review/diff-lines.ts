import parseDiff from "parse-diff";

/** Right-side (head) line span of one hunk, inclusive. */
export interface HunkSpan {
  start: number;
  end: number;
}

/**
 * The hunks of one file's `patch` from the PR-files API. GitHub accepts a review comment only on a
 * right-side line inside a hunk, and a multi-line comment only when both ends are in the same hunk.
 */
export function hunksOf(patch: string | null | undefined): HunkSpan[] {
  if (!patch) return [];
  const [file] = parseDiff(patch);
  if (!file) return [];
  return file.chunks.filter((c) => c.newLines > 0).map((c) => ({ start: c.newStart, end: c.newStart + c.newLines - 1 }));
}

/** Lines added by the patch (the `+` lines), for callers that want only new code. */
export function addedLines(patch: string | null | undefined): Set<number> {
  const lines = new Set<number>();
  if (!patch) return lines;
  for (const chunk of parseDiff(patch)[0]?.chunks ?? []) for (const c of chunk.changes) if (c.type === "add") lines.add(c.ln);
  return lines;
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
