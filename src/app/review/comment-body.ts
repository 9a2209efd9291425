import type { Finding } from "../../engine/index.js";
import { fingerprintMarker } from "./marker.js";
import { suggestionBlock } from "./suggestion.js";

const ICON = { error: "❌", warning: "⚠️", info: "ℹ️" } as const;

/** What is wrong, why it matters, where the rule is documented, the fix, and the hidden marker. */
export function commentBody(f: Finding, why: string | undefined, suggestion: string | null): string {
  const parts = [`${ICON[f.severity]} **${f.ruleId}** (${f.code} · ${f.severity} · ${f.category}): ${f.message}`];
  parts.push(`${why ? `**Why:** ${why} ` : ""}[Rule documentation](${f.docsUrl})`);
  if (suggestion !== null) parts.push(`${f.fix?.description ? `**Suggested fix:** ${f.fix.description}\n\n` : ""}${suggestionBlock(suggestion)}`);
  else if (f.fix?.description) parts.push(`**Fix:** ${f.fix.description} (\`dockaudit check --fix\` applies it).`);
  parts.push(fingerprintMarker(f.fingerprint));
  return parts.join("\n\n");
}
