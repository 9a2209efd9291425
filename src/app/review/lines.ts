import type { Finding } from "../../engine/index.js";

/** The first and last line a finding covers; an end at column 1 stops on the line before. */
export function lineSpanOf(f: Finding): { first: number; last: number } | null {
  if (!f.range) return null;
  const { start, end } = f.range;
  const last = end.column === 1 && end.line > start.line ? end.line - 1 : end.line;
  return { first: start.line, last: Math.max(start.line, last) };
}
