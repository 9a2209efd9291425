import { hash } from "node:crypto";

/**
 * A finding's identity across commits: the rule, the file, the service (none for a setting shared
 * through a YAML anchor), and the text of the statement it points at (whitespace folded), never its
 * line number, so unrelated edits that move it keep the fingerprint. `occurrence` tells apart
 * identical statements in one file. The engine reads that text as what the statement means, not
 * how it is written (run.ts `anchorTextOf`): a Dockerfile instruction with its continuations
 * joined, a FROM or Compose `image:` without the image's tag and digest, a Compose line without
 * its trailing comment and with single quotes as double ones.
 */
export function fingerprint(parts: { ruleId: string; file: string; scope: string; anchorText: string; occurrence: number }): string {
  return foldedFingerprint(parts.ruleId, parts.file, parts.scope, foldAnchor(parts.anchorText), parts.occurrence);
}

/** The anchor text as fingerprints hash it: whitespace runs folded to one space, ends trimmed. */
export const foldAnchor = (anchorText: string): string => shortAnchor(anchorText.replace(/\s+/g, " ").trim());

/** Folded anchors longer than this stand in the fingerprint as their start and a digest of the whole. */
export const LONGEST_ANCHOR = 16_384;

/**
 * A folded anchor as the fingerprint hashes it. A statement of a megabyte (one long Compose line, a
 * generated RUN) would otherwise be hashed again for each of its findings; its digest is taken once.
 */
export const shortAnchor = (folded: string): string =>
  folded.length <= LONGEST_ANCHOR ? folded : `${folded.slice(0, 4096)}\u0000${hash("sha1", folded, "hex")}`;

/**
 * `fingerprint` for an anchor already folded with `foldAnchor` (the engine folds each statement
 * once per file, however many findings point at it). One-shot hashing: same SHA-1, same values.
 */
export function foldedFingerprint(ruleId: string, file: string, scope: string, foldedAnchor: string, occurrence: number): string {
  return hash("sha1", `${ruleId}\u0000${file}\u0000${scope}\u0000${foldedAnchor}\u0000${occurrence}`, "hex").slice(0, 16);
}
