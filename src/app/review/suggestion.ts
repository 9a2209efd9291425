import { applyFixes, type Finding } from "../../engine/index.js";

/**
 * The content of a ```suggestion block that replaces lines `first..last` of `content` with what
 * the finding's fix makes of them: one line break after each line, so "" (no line at all) deletes
 * the lines. GitHub replaces the commented lines, line breaks included, by the block's lines, and
 * keeps whether the file's last line ends with one. The lines are taken with the line break that
 * ends `last`, so a fix may run up to the start of the next line (deleting whole lines, the last
 * one of the file too), but not take that line break alone. Null when the fix reaches outside
 * those lines (GitHub would apply it to the wrong text), has no edits, changes nothing, would
 * print a secret, or would join line `last` with the next one.
 */
export function suggestionText(finding: Finding, content: string, first: number, last: number, secrets: readonly string[] = []): string | null {
  const edits = finding.fix?.edits ?? [];
  if (!edits.length || finding.secret) return null;
  const lines = content.split("\n");
  if (last > lines.length) return null;
  // A line break after line `last`: the block ends with it, and an edit may end just after it.
  const broken = last < lines.length;
  const inside = edits.every((e) => e.range.start.line >= first && (e.range.end.line <= last || (broken && e.range.end.line === last + 1 && e.range.end.column === 1)));
  if (!inside) return null;
  const crlf = lines.slice(first - 1, last).some((l) => l.endsWith("\r"));
  const block = lines.slice(first - 1, last).map((l) => l.replace(/\r$/, "")).join("\n") + (broken ? "\n" : "");
  const shift = (line: number) => line - first + 1;
  const local: Finding = {
    ...finding,
    fix: {
      description: finding.fix!.description,
      edits: edits.map((e) => ({
        text: e.text,
        range: { start: { line: shift(e.range.start.line), column: e.range.start.column }, end: { line: shift(e.range.end.line), column: e.range.end.column } },
      })),
    },
  };
  const { output, applied } = applyFixes(block, [local]);
  if (!applied.length || output === block) return null;
  if (broken && output !== "" && !output.endsWith("\n")) return null;
  if (secrets.some((s) => output.includes(s))) return null;
  const text = crlf ? output.replace(/\r/g, "") : output;
  // The file's last line without a line break: the block still writes one after each line.
  return broken ? text : `${text}\n`;
}

/** Wraps suggestion content (see suggestionText) in a fence longer than any backtick run inside it. */
export function suggestionBlock(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}suggestion\n${text}${fence}`;
}
