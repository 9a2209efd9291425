import type { Finding } from "../../engine/index.js";
import { boundedCommentBody } from "./comment-body.js";
import { placeInHunks, type HunkSpan } from "./diff-lines.js";
import { fixSpanOf, lineSpanOf } from "./lines.js";
import { maskSecrets } from "./mask.js";
import { suggestionText } from "./suggestion.js";

export interface ReviewComment {
  path: string;
  line: number;
  side: "RIGHT";
  start_line?: number;
  start_side?: "RIGHT";
  body: string;
}

export type UnpostedReason = "file-level" | "outside-diff" | "over-cap" | "review-refused";

export interface ReviewPlan {
  comments: ReviewComment[];
  /** Findings commented inline by this run. */
  posted: Finding[];
  /** Findings a previous run already commented (same fingerprint): not repeated. */
  alreadyCommented: Finding[];
  /** Findings that go to the check summary instead. */
  unposted: { finding: Finding; reason: UnpostedReason }[];
}

export interface ReviewInput {
  /** The findings to comment on (new ones, or all on changed files when only_new is off). */
  findings: readonly Finding[];
  /** Hunks per changed path; a path without an entry (or with none) has no commentable line. */
  hunks: ReadonlyMap<string, readonly HunkSpan[]>;
  /** Head contents, for suggestion blocks. */
  contents: ReadonlyMap<string, string>;
  /** Fingerprints already carried by our comments on this PR. */
  existing: ReadonlySet<string>;
  maxComments: number;
  /** The rule's description: the "why" of a comment. */
  describe: (ruleId: string) => string | undefined;
  secrets: readonly string[];
  /** GitHub refused this run's review: nothing is commented, everything goes to the summary. */
  refused?: boolean;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Decides which findings become inline comments. Only lines inside the PR's hunks are used, so the
 * review is never rejected with "line must be part of the diff"; the most severe findings go first
 * when the cap bites; the rest is reported with the reason it was not commented.
 */
export function planReview(input: ReviewInput): ReviewPlan {
  const plan: ReviewPlan = { comments: [], posted: [], alreadyCommented: [], unposted: [] };
  const ordered = [...input.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  for (const f of ordered) {
    if (input.existing.has(f.fingerprint)) {
      plan.alreadyCommented.push(f);
      continue;
    }
    const span = lineSpanOf(f);
    if (!span) {
      plan.unposted.push({ finding: f, reason: "file-level" });
      continue;
    }
    const placed = placeInHunks(input.hunks.get(f.file) ?? [], span.first, span.last);
    if (!placed) {
      plan.unposted.push({ finding: f, reason: "outside-diff" });
      continue;
    }
    if (input.refused) {
      plan.unposted.push({ finding: f, reason: "review-refused" });
      continue;
    }
    if (plan.comments.length >= input.maxComments) {
      plan.unposted.push({ finding: f, reason: "over-cap" });
      continue;
    }
    const content = input.contents.get(f.file);
    // A fix that edits lines beside the finding's (a key inserted below it) is still one click
    // when the comment can cover those lines too: all of them inside one hunk.
    const reach = fixSpanOf(f);
    const wider = reach && (reach.first < span.first || reach.last > span.last) ? placeInHunks(input.hunks.get(f.file) ?? [], reach.first, reach.last) : null;
    const [at, lines] = wider?.whole ? [wider, reach!] : [placed, span];
    const suggestion = at.whole && content !== undefined ? suggestionText(f, content, lines.first, lines.last, input.secrets) : null;
    const body = boundedCommentBody(f, input.describe(f.ruleId), suggestion, (text) => maskSecrets(text, input.secrets));
    const where = suggestion !== null ? at.span : placed.span;
    const comment: ReviewComment = { path: f.file, line: where.line, side: "RIGHT", body };
    if (where.startLine !== undefined) {
      comment.start_line = where.startLine;
      comment.start_side = "RIGHT";
    }
    plan.comments.push(comment);
    plan.posted.push(f);
  }
  return plan;
}

/** The review's own body: a short pointer to the check run, which holds the full audit. */
export function reviewBody(plan: ReviewPlan, maxComments: number): string {
  const n = plan.posted.length;
  const lines = [`**dockaudit** found ${n === 1 ? "1 new finding" : `${n} new findings`} on lines this pull request changes; each comment below says what is wrong, why, and how to fix it.`];
  const over = plan.unposted.filter((u) => u.reason === "over-cap").length;
  const elsewhere = plan.unposted.length - over;
  if (over) lines.push(`${over} more could not be commented inline (at most ${maxComments} comments per run).`);
  if (elsewhere) lines.push(`${elsewhere} ${elsewhere === 1 ? "is" : "are"} outside the diff or about a whole file.`);
  if (over || elsewhere) lines.push("The `dockaudit` check lists them all.");
  return lines.join(" ");
}
