import { applyFixes, type Finding } from "../../engine/index.js";

/**
 * The text of a ```suggestion block that replaces lines `first..last` of `content` with what the
 * finding's fix makes of them, or null when the fix reaches outside those lines (GitHub would
 * apply it to the wrong text), has no edits, or would print a secret.
 */
export function suggestionText(finding: Finding, content: string, first: number, last: number, secrets: readonly string[] = []): string | null {
  const edits = finding.fix?.edits ?? [];
  if (!edits.length || finding.secret) return null;
  const inside = edits.every((e) => e.range.start.line >= first && e.range.end.line <= last);
  if (!inside) return null;
  const lines = content.split("\n");
  if (last > lines.length) return null;
  const crlf = lines.slice(first - 1, last).some((l) => l.endsWith("\r"));
  const block = lines.slice(first - 1, last).map((l) => l.replace(/\r$/, "")).join("\n");
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
  if (secrets.some((s) => output.includes(s))) return null;
  return crlf ? output.replace(/\r/g, "") : output;
}

/** Wraps replacement text in a suggestion fence longer than any backtick run inside it. */
export function suggestionBlock(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}suggestion\n${text}\n${fence}`;
}
