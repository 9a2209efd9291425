import type { Finding, Range } from "../../engine/index.js";

/** The first and last line a finding covers; an end at column 1 stops on the line before. */
export function lineSpanOf(f: Finding): { first: number; last: number } | null {
  if (!f.range) return null;
  const { start, end } = f.range;
  const last = end.column === 1 && end.line > start.line ? end.line - 1 : end.line;
  return { first: start.line, last: Math.max(start.line, last) };
}

/**
 * The lines a finding's suggestion has to replace: its own, and every line its fix edits. An
 * insertion at column 1 reaches that line (it goes before it); a deletion that ends at column 1
 * stops on the line before, whose line break it takes (a suggestion that replaces that line
 * replaces its line break too). null when the finding has no fix or no range.
 */
export function fixSpanOf(f: Finding): { first: number; last: number } | null {
  const own = lineSpanOf(f);
  const edits = f.fix?.edits ?? [];
  if (!own || !edits.length) return null;
  const lastLine = ({ start, end }: Range) => (end.column === 1 && end.line > start.line ? end.line - 1 : end.line);
  return {
    first: Math.min(own.first, ...edits.map((e) => e.range.start.line)),
    last: Math.max(own.last, ...edits.map((e) => lastLine(e.range))),
  };
}
