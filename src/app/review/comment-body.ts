import type { Finding } from "../../engine/index.js";
import { cutChars, inertReferences, LINE_BREAK, plainOutsideCode } from "../../formatters/markdown/text.js";
import { fingerprintMarker } from "./marker.js";
import { suggestionBlock } from "./suggestion.js";

const ICON = { error: "❌", warning: "⚠️", info: "ℹ️" } as const;

/**
 * A message or fix description as Markdown, as the summary shows it: the pull request's values it
 * quotes outside code spans (a port, a path) show as written, not as HTML, links or emphasis, and
 * a line break in one cannot start a heading or a rule.
 */
const asText = (text: string) => inertReferences(plainOutsideCode(text.replace(LINE_BREAK, " ")));

/** What is wrong, why it matters, where the rule is documented, the fix, and the hidden marker. */
export function commentBody(f: Finding, why: string | undefined, suggestion: string | null): string {
  const fix = f.fix?.description ? asText(f.fix.description) : "";
  const parts = [`${ICON[f.severity]} **${f.ruleId}** (${f.code} · ${f.severity} · ${f.category}): ${asText(f.message)}`];
  parts.push(`${why ? `**Why:** ${why} ` : ""}[Rule documentation](${f.docsUrl})`);
  if (suggestion !== null) parts.push(`${fix ? `**Suggested fix:** ${fix}\n\n` : ""}${suggestionBlock(suggestion)}`);
  else if (fix) parts.push(`**Fix:** ${fix} (\`dockaudit check --fix\` applies it).`);
  parts.push(fingerprintMarker(f.fingerprint));
  return parts.join("\n\n");
}

/**
 * GitHub refuses a whole review when one comment's body is over 65,536 characters, and a finding
 * on a line of a megabyte can carry a message or a suggestion that long. Kept under this, the
 * comment drops its suggestion first (the fix is then described), then shortens its texts.
 */
export const MAX_COMMENT_BODY = 60_000;
const SHORTENED = 2_000;

export function boundedCommentBody(finding: Finding, why: string | undefined, suggestion: string | null, mask: (text: string) => string): string {
  // Masked before it is written as Markdown, whose escapes would hide a secret from the final mask.
  const f: Finding = { ...finding, message: mask(finding.message), ...(finding.fix ? { fix: { ...finding.fix, description: mask(finding.fix.description) } } : {}) };
  const full = mask(commentBody(f, why, suggestion));
  if (full.length <= MAX_COMMENT_BODY) return full;
  const described = mask(commentBody(f, why, null));
  if (described.length <= MAX_COMMENT_BODY) return described;
  const cut = (text: string) => (text.length > SHORTENED ? `${cutChars(text, SHORTENED)}… (shortened; the check run's annotation has more)` : text);
  const short: Finding = { ...f, message: cut(f.message), ...(f.fix ? { fix: { ...f.fix, description: cut(f.fix.description) } } : {}) };
  return mask(commentBody(short, why === undefined ? undefined : cut(why), null));
}
