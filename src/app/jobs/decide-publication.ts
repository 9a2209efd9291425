import type { Config, Finding, Report, Rule } from "../../engine/index.js";
import { compareFindings, type Comparison } from "../../formatters/markdown.js";
import { MAX_ANNOTATIONS, toAnnotate, toAnnotation, type Annotation } from "../check/annotations.js";
import { auditOutput, type CheckOutput } from "../check/check-output.js";
import { decideConclusion, gatingFindings, type Conclusion } from "../check/conclusion.js";
import type { CollectedFiles } from "../files/collect-files.js";
import type { OurComment } from "../github/review.js";
import { secretsOf } from "../review/mask.js";
import { planReview, reviewBody, type ReviewPlan } from "../review/plan-review.js";
import { preferDiffLines } from "../review/prefer-diff-lines.js";
import { matchEditedStatements } from "../review/edited-statements.js";

export interface Publication {
  comparison: Comparison;
  plan: ReviewPlan;
  reviewBody: string;
  conclusion: Conclusion;
  output: CheckOutput;
  annotations: Annotation[];
  /** Our earlier comments whose finding is gone, or that an outdated one's new comment replaces. */
  fixedComments: OurComment[];
}

/**
 * Everything a run publishes, decided from the two audits without any request: the comparison,
 * the review, the conclusion, the check's text and annotations, the comments to close.
 */
export function decidePublication(input: {
  head: Report;
  base: Report;
  files: Pick<CollectedFiles, "head" | "hunks" | "moves" | "changedPaths" | "removedPaths">;
  config: Config;
  rules: readonly Rule[];
  existing: readonly OurComment[];
  notes: readonly string[];
  /** GitHub refused the review with these comments: list them in the summary instead. */
  reviewRefused?: boolean;
  /** Reasons that fail the check whatever the findings (the PR's own config is invalid). */
  blockers?: readonly string[];
}): Publication {
  const { head, base, files, config } = input;
  // A file the head audit skipped (over a limit) has no findings to compare: its base findings
  // are not fixed, and our comments on it stay open. Its base path may differ (a move).
  const skipped = new Set(head.files.filter((f) => f.skipped).map((f) => f.path));
  const movedTo = new Map(files.moves);
  const baseFindings = skipped.size ? base.findings.filter((f) => !skipped.has(movedTo.get(f.file) ?? f.file)) : base.findings;
  const compared = compareFindings(baseFindings, head.findings, files.moves);
  const comparison = preferDiffLines(matchEditedStatements(compared, files.hunks, files.moves), files.hunks);
  const secrets = secretsOf([...head.findings, ...base.findings], [...head.services, ...base.services]);
  // The linked files read beside the changed ones (a Compose file that builds a changed
  // Dockerfile) are context: with only_new off, their old findings are not this PR's to gate.
  const reviewed: readonly Finding[] = config.onlyNew ? comparison.added : head.findings.filter((f) => files.changedPaths.has(f.file));
  const descriptions = new Map(input.rules.map((r) => [r.meta.id, r.meta.description]));
  const plan = planReview({
    findings: reviewed,
    hunks: files.hunks,
    contents: new Map(files.head.map((f) => [f.path, f.content])),
    existing: new Set(input.existing.filter((c) => !c.outdated).map((c) => c.fingerprint)),
    maxComments: config.maxInlineComments,
    describe: (id) => descriptions.get(id),
    secrets,
    refused: input.reviewRefused ?? false,
  });
  const gating = gatingFindings(reviewed, config.failOn);
  const decision = decideConclusion({ dockerChanged: true, gating, grade: head.scores.overall.grade, minGrade: config.minGrade, blockers: input.blockers });
  const { annotated, left } = toAnnotate(head.findings.filter((f) => files.changedPaths.has(f.file)));
  const notes = left ? [...input.notes, `${left} more findings on changed files are not annotated: a run annotates at most ${MAX_ANNOTATIONS}, the most severe first. \`dockaudit check\` lists them all.`] : input.notes;
  const output = auditOutput({ head, base, comparison, plan, reviewed, conclusionReason: decision.reason, notes, maxInlineComments: config.maxInlineComments, secrets });
  const stillFound = new Set(head.findings.map((f) => f.fingerprint));
  // A file this run did not read or audit (over a limit) has no findings to compare: its comments stay open.
  const judged = new Set([...files.head.map((f) => f.path).filter((p) => !skipped.has(p)), ...files.removedPaths]);
  const recommented = new Set(plan.posted.map((f) => f.fingerprint));
  return {
    comparison,
    plan,
    reviewBody: reviewBody(plan, config.maxInlineComments),
    conclusion: decision.conclusion,
    output,
    annotations: annotated.map((f) => toAnnotation(f, secrets)),
    fixedComments: input.existing.filter((c) => (judged.has(c.path) && !stillFound.has(c.fingerprint)) || (c.outdated && recommented.has(c.fingerprint))),
  };
}
