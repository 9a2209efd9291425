import type { FailOn, Finding, Severity } from "../engine/index.js";

export const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** True when any finding is at or over the threshold; `none` never fails. */
export function shouldFail(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === "none") return false;
  return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
}
