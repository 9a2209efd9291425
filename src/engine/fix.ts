import { LineIndex, comparePos } from "./text.js";
import type { Edit, Finding, SourceFile } from "./types.js";

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

/**
 * Fixes that overlap one already taken wait for the next pass, on the fixed text, as in ESLint, and
 * so do fixes the re-audit of a fixed file brings up; a few passes settle every real file, and the
 * bound stops two fixes that would undo each other.
 */
export const MAX_FIX_PASSES = 10;

export interface FixedFiles<R extends { findings: readonly Finding[] }> {
  /** Every input file, in input order; a fixed file is a new object with its new content. */
  files: SourceFile[];
  /** Paths of the files whose content changed. */
  changed: string[];
  /** The audit of `files`: the input report when nothing was fixed. */
  report: R;
  /** The findings whose fixes were applied, pass after pass (each from the audit of the text it fixed). */
  applied: Finding[];
  /** How many passes applied at least one fix. */
  passes: number;
  /** False when the pass bound was reached with fixes still to apply. */
  settled: boolean;
}

/**
 * Applies the fixes of `report` to `files` pass after pass, re-auditing the fixed files with
 * `reaudit` after each pass, until a pass changes nothing or `maxPasses` passes ran. Pure: the
 * inputs are left as they are. This is what `dockaudit check --fix` does before it writes the
 * changed files.
 */
export function fixUntilSettled<R extends { findings: readonly Finding[] }>(
  input: readonly SourceFile[],
  report: R,
  reaudit: (files: readonly SourceFile[]) => R,
  maxPasses = MAX_FIX_PASSES,
): FixedFiles<R> {
  const files = input.map((f) => ({ ...f }));
  const changed = new Set<string>();
  const taken: Finding[] = [];
  let passes = 0;
  for (;;) {
    let progressed = false;
    const pending = files.map((file) => ({ file, findings: report.findings.filter((f) => f.file === file.path && f.fix) }));
    if (passes === maxPasses) {
      const settled = !pending.some(({ file, findings }) => findings.length && applyFixes(file.content, findings).output !== file.content);
      return { files, changed: [...changed], report, applied: taken, passes, settled };
    }
    for (const { file, findings } of pending) {
      if (!findings.length) continue;
      const result = applyFixes(file.content, findings);
      if (!result.applied.length || result.output === file.content) continue;
      file.content = result.output;
      changed.add(file.path);
      taken.push(...result.applied);
      progressed = true;
    }
    if (!progressed) return { files, changed: [...changed], report, applied: taken, passes, settled: true };
    passes++;
    report = reaudit(files);
  }
}
