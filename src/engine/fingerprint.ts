import { createHash } from "node:crypto";

/**
 * A finding's identity across commits: the rule, the file, the service or stage, and the text of the
 * statement it points at (whitespace folded), never its line number, so unrelated edits that move
 * it keep the fingerprint. `occurrence` tells apart identical statements in one file.
 */
export function fingerprint(parts: { ruleId: string; file: string; scope: string; anchorText: string; occurrence: number }): string {
  const anchor = parts.anchorText.replace(/\s+/g, " ").trim();
  return createHash("sha1")
    .update([parts.ruleId, parts.file, parts.scope, anchor, String(parts.occurrence)].join("\u0000"))
    .digest("hex")
    .slice(0, 16);
}
