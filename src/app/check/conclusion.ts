import { GRADES, type Config, type Finding, type Grade, type Severity } from "../../engine/index.js";

export type Conclusion = "success" | "failure" | "neutral";

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Findings that fail the check under `fail_on`: at or above the threshold. */
export function gatingFindings(findings: readonly Finding[], failOn: Config["failOn"]): Finding[] {
  if (failOn === "none") return [];
  return findings.filter((f) => RANK[f.severity] >= RANK[failOn]);
}

export function gradeBelow(grade: Grade, min: Grade | null): boolean {
  return min !== null && GRADES.indexOf(grade) > GRADES.indexOf(min);
}

/**
 * failure when a gating finding exists, the overall grade is under `min_grade` or a `blocker`
 * (a reason of its own) is given; success otherwise; neutral when the PR changes nothing Docker-related.
 */
export function decideConclusion(input: { dockerChanged: boolean; gating: readonly Finding[]; grade: Grade; minGrade: Grade | null; blockers?: readonly string[] }): { conclusion: Conclusion; reason: string } {
  if (!input.dockerChanged) return { conclusion: "neutral", reason: "This pull request changes no Dockerfile, Compose file or .dockerignore." };
  const reasons: string[] = [...(input.blockers ?? [])];
  if (input.gating.length) reasons.push(`${input.gating.length} finding${input.gating.length === 1 ? "" : "s"} at or above the \`fail_on\` severity`);
  if (gradeBelow(input.grade, input.minGrade)) reasons.push(`overall grade ${input.grade} is below \`min_grade\` ${input.minGrade}`);
  if (reasons.length) return { conclusion: "failure", reason: `Failing: ${reasons.join("; ")}.` };
  return { conclusion: "success", reason: "Passing: no finding reaches the `fail_on` severity and the grade meets `min_grade`." };
}
