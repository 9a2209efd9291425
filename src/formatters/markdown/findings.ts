import type { Finding } from "../../engine/index.js";
import { SEVERITY_ICON } from "./counts.js";
import { code, cutChars, inertReferences, LINE_BREAK, plainOutsideCode } from "./text.js";

export interface FindingMarks {
  /** Fingerprints to flag as introduced by the change. */
  added?: ReadonlySet<string>;
}

/** `L12` or `L12–14`; file-level findings say so. */
export function lineLabel(f: Finding): string {
  if (!f.range) return "file";
  const { start, end } = f.range;
  const last = end.column === 1 && end.line > start.line ? end.line - 1 : end.line;
  return last > start.line ? `L${start.line}–${last}` : `L${start.line}`;
}

/**
 * The most of a message one line of the summary shows. A message can quote a whole line of the
 * file, a megabyte long: in full it would not fit, and the findings after it would be left out too.
 */
export const MAX_LINE_MESSAGE = 1_000;

/** One list item: severity, where, the rule with its doc link, the message. */
export function findingLine(f: Finding, marks: FindingMarks = {}): string {
  const isNew = marks.added?.has(f.fingerprint) ? " 🆕" : "";
  const service = f.service ? ` · service ${code(f.service)}` : "";
  const text = f.message.length > MAX_LINE_MESSAGE ? `${cutChars(f.message, MAX_LINE_MESSAGE)}… (shortened)` : f.message;
  const message = inertReferences(plainOutsideCode(text.replace(LINE_BREAK, " ")));
  return `- ${SEVERITY_ICON[f.severity]} **${lineLabel(f)}** [${code(f.ruleId)}](${f.docsUrl}) ${f.code}${service}${isNew} — ${message}`;
}

/** Findings grouped by file, files in path order, each group a heading and a list. */
export function groupByFile(findings: readonly Finding[]): { file: string; findings: Finding[] }[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.file);
    if (list) list.push(f);
    else groups.set(f.file, [f]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, list]) => ({ file, findings: list }));
}

export function fileHeading(file: string, count: number): string {
  return `**${code(file)}** (${count})`;
}
