import { LineIndex, comparePos } from "./text.js";
import type { Edit, Finding } from "./types.js";

/**
 * Applies the fixes of `findings` to `text`. A fix whose edits overlap an edit already taken is
 * left out whole, so fixes never interfere; everything outside the edited ranges is untouched.
 */
export function applyFixes(text: string, findings: readonly Finding[]): { output: string; applied: Finding[]; skipped: Finding[] } {
  const index = new LineIndex(text);
  const taken: { start: number; end: number }[] = [];
  const applied: Finding[] = [];
  const skipped: Finding[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  const withFix = findings.filter((f) => f.fix?.edits.length).sort((a, b) => comparePos(a.fix!.edits[0].range.start, b.fix!.edits[0].range.start));
  for (const f of withFix) {
    const spans = f.fix!.edits.map((e: Edit) => ({ start: index.offset(e.range.start), end: index.offset(e.range.end), text: e.text }));
    const overlaps = spans.some((s) => taken.some((t) => overlap(s, t)));
    if (overlaps) {
      skipped.push(f);
      continue;
    }
    taken.push(...spans);
    edits.push(...spans);
    applied.push(f);
  }
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let output = text;
  for (const e of edits) output = output.slice(0, e.start) + e.text + output.slice(e.end);
  return { output, applied, skipped };
}

/** Two edits overlap when their ranges share text, or one inserts where the other starts (their order would be a guess). */
function overlap(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  return a.start === b.start && (a.start === a.end || b.start === b.end);
}
