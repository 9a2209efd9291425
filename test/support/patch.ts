import { structuredPatch } from "diff";

/** A unified diff like GitHub's PR-files `patch`: hunks only, 3 lines of context, no file headers. */
export function githubPatch(before: string, after: string): string | undefined {
  const { hunks } = structuredPatch("a", "b", before, after, "", "", { context: 3 });
  if (!hunks.length) return undefined;
  return hunks
    .map((h) => {
      const header = `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`;
      return [header, ...h.lines.filter((l) => !l.startsWith("\\"))].join("\n");
    })
    .join("\n");
}
