import type { Finding, Report, Severity } from "../../engine/index.js";
import type { Comparison } from "./compare.js";
import { plural } from "./text.js";

export const SEVERITY_ICON: Record<Severity, string> = { error: "❌", warning: "⚠️", info: "ℹ️" };

/** `2 errors, 5 warnings, 1 info`, leaving out the severities with none. */
export function severityBreakdown(findings: readonly Finding[]): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const parts = [plural(count("error"), "error"), plural(count("warning"), "warning"), `${count("info")} info`];
  const kept = parts.filter((p) => !p.startsWith("0 "));
  return kept.length ? kept.join(", ") : "none";
}

/** One line on what the audit covered: how many files of each kind, and which were skipped. */
export function filesLine(report: Report): string {
  const of = (kind: string) => report.files.filter((f) => f.kind === kind).length;
  const kinds = [
    [of("dockerfile"), "Dockerfile"],
    [of("compose"), "Compose file"],
    [of("dockerignore"), ".dockerignore"],
  ] as const;
  const listed = kinds.filter(([n]) => n > 0).map(([n, label]) => plural(n, label));
  const skipped = report.files.filter((f) => f.skipped).length;
  const total = plural(report.files.length, "file");
  return `Audited ${total}${listed.length ? ` (${listed.join(", ")})` : ""}${skipped ? `, ${skipped} skipped` : ""}.`;
}

/** The headline numbers: new / fixed / remaining with a base, totals without. */
export function countsLine(report: Report, comparison?: Comparison): string {
  const remaining = report.findings;
  if (!comparison) return `**${plural(remaining.length, "finding")}**: ${severityBreakdown(remaining)}.`;
  const added = comparison.added.length;
  const fixed = comparison.fixed.length;
  return [
    `**${added} new**${added ? ` (${severityBreakdown(comparison.added)})` : ""}`,
    `**${fixed} fixed**`,
    `${remaining.length} remaining (${severityBreakdown(remaining)})`,
  ].join(" · ");
}
