import { structuredPatch } from "diff";

/** A unified diff like GitHub's PR-files `patch`: hunks only, 3 lines of context, no file headers. */
export function githubPatch(before: string, after: string): string | undefined {
  const { hunks } = structuredPatch("a", "b", before, after, "", "", { context: 3 });
  if (!hunks.length) return undefined;
  return hunks
    .map((h) => {
      const header = `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@`;
      return [header, ...h.lines.filter((l) => !l.startsWith("\\"))].join("\n");
    })
    .join("\n");
}

/** Git's spelling: an empty range starts at the line before it, a one-line range has no count. */
function range(start: number, lines: number): string {
  if (lines === 0) return `${Math.max(0, start - 1)},0`;
  return lines === 1 ? String(start) : `${start},${lines}`;
}
