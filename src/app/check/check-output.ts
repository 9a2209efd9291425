import type { ConfigProblem, Finding, Report } from "../../engine/index.js";
import { gradeTitle, renderMarkdown, type Comparison, type FindingSection } from "../../formatters/markdown.js";
import { code, cutChars, inertReferences, LINE_BREAK, plainOutsideCode } from "../../formatters/markdown/text.js";
import { maskFinding, maskSecrets } from "../review/mask.js";
import type { ReviewPlan, UnpostedReason } from "../review/plan-review.js";

export const CHECK_NAME = "dockaudit";
export const RERUN_ACTION = { label: "Re-run", description: "Audit this pull request again", identifier: "rerun" } as const;
const RERUN_HINT = "Re-run it with the **Re-run** button of this check, or comment `/dockaudit recheck` on the pull request.";

export interface CheckOutput {
  title: string;
  summary: string;
}

const REASON: Record<UnpostedReason, string> = {
  "file-level": "about the whole file",
  "outside-diff": "on lines outside the diff",
  "over-cap": "over the inline-comment cap",
  "review-refused": "meant for a review GitHub refused",
};

export interface AuditOutputInput {
  head: Report;
  base: Report;
  comparison: Comparison;
  plan: ReviewPlan;
  /** Findings the run commented on or would have (new ones, or all when only_new is off). */
  reviewed: readonly Finding[];
  conclusionReason: string;
  notes: readonly string[];
  maxInlineComments: number;
  secrets: readonly string[];
}

/** The completed check's title and summary for an audit that ran. */
export function auditOutput(input: AuditOutputInput): CheckOutput {
  const { plan } = input;
  const reviewedSet = new Set(input.reviewed);
  const unposted = plan.unposted.map((u) => u.finding);
  const reasons = listOr([...new Set(plan.unposted.map((u) => REASON[u.reason]))]);
  const inline = [...plan.posted, ...plan.alreadyCommented];
  // Messages are masked before they are written as Markdown, whose escapes would hide a secret from the final mask.
  const masked = (findings: readonly Finding[]) => findings.map((f) => maskFinding(f, input.secrets));
  const sections: FindingSection[] = [
    {
      title: "Not commented inline",
      findings: masked(unposted),
      intro: unposted.length ? `These findings are ${reasons}, so they are listed here (and as annotations on changed files).` : undefined,
    },
    { title: "Commented inline", findings: masked(inline), collapsed: true },
    { title: "Already there before this pull request", findings: masked(input.head.findings.filter((f) => !reviewedSet.has(f))), collapsed: true },
    { title: "Fixed by this pull request", findings: masked(input.comparison.fixed), collapsed: true },
  ];
  const summary = renderMarkdown(input.head, {
    base: input.base,
    comparison: input.comparison,
    notes: [input.conclusionReason, ...input.notes],
    sections,
  });
  return { title: gradeTitle(input.head, input.base), summary: maskSecrets(summary, input.secrets) };
}

function listOr(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} or ${items.at(-1)}` : items[0] ?? "";
}

export function inProgressOutput(headSha: string): CheckOutput {
  return { title: "Auditing Docker files…", summary: `dockaudit is auditing the Docker files of \`${headSha.slice(0, 7)}\`.` };
}

/**
 * `notes`: what else the run has to say (files GitHub did not list, a configuration change);
 * `allIgnored`: the PR changes Docker files, but the config's `ignore` names each of them.
 */
export function noDockerOutput(changedFiles: number, notes: readonly string[] = [], allIgnored = false): CheckOutput {
  const files = `This pull request changes ${changedFiles} file${changedFiles === 1 ? "" : "s"}`;
  const none = allIgnored
    ? `${files}; the Docker files among them all match \`ignore\` in .github/dockaudit.yml, so there is nothing to audit.`
    : `${files}, none of them a Dockerfile, Compose file or .dockerignore (or linked to one), so there is nothing to audit.`;
  return { title: "No Docker files changed", summary: [none, ...notes].join("\n\n") };
}

/**
 * The problems of a config, one line each. A file can hold thousands of bad keys, or one key of
 * megabytes: the list stays far under GitHub's 65,535 bytes, which would otherwise refuse the check.
 */
function problemList(problems: readonly ConfigProblem[], inline = false): string {
  const cut = (text: string) => (text.length > 200 ? `${cutChars(text, 200)}…` : text);
  // A message quotes what the file holds (an unknown key, a glob): its markup shows as written, on one line.
  const message = (text: string) => inertReferences(plainOutsideCode(cut(text).replace(LINE_BREAK, " ")));
  const shown = problems.slice(0, 50).map((p) => `${code(cut(p.key))}${p.line ? ` (line ${p.line})` : ""}: ${message(p.message)}`);
  if (problems.length > shown.length) shown.push(`and ${problems.length - shown.length} more`);
  return inline ? shown.join("; ") : shown.map((line) => `- ${line}`).join("\n");
}

/** `repaired`: the pull request's own version of the file is valid, so merging it is the fix. */
export function configErrorOutput(problems: readonly ConfigProblem[], repaired = false): CheckOutput {
  const list = problemList(problems);
  const next = repaired
    ? "This pull request changes the file, and this pull request's version is valid: merging it repairs the configuration, so this check does not block it. Nothing was audited."
    : `Fix the file on the default branch; then ${RERUN_HINT.charAt(0).toLowerCase()}${RERUN_HINT.slice(1)} docs/app.md lists every key.`;
  return {
    title: cutChars(`Invalid .github/dockaudit.yml: ${problems.slice(0, 20).map((p) => cutChars(p.key, 250)).join(", ")}`, 250),
    summary: `## dockaudit could not read its configuration\n\n\`.github/dockaudit.yml\` (read from the default branch) has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}:\n\n${list}\n\n${next}`,
  };
}

/** The PR's own version of the config is invalid: merged, it would fail every run. A note: one line. */
export function headConfigProblems(problems: readonly ConfigProblem[]): string {
  return `This pull request's \`.github/dockaudit.yml\` is invalid, and once it is merged every dockaudit check would fail: ${problemList(problems, true)}.`;
}

/** A Re-run asked on a commit that no longer heads the pull request: the head was audited instead. */
export function rerunOnOlderCommitOutput(head: string): CheckOutput {
  return {
    title: "Superseded by a newer commit",
    summary: `Re-run was asked for this commit, which no longer heads the pull request: its head \`${head.slice(0, 7)}\` was audited instead, and that commit's \`dockaudit\` check holds the result (the one branch protection looks at).`,
  };
}

/** The note in the head's check when a Re-run was asked on an older commit. */
export function rerunOnOlderCommitNote(requested: string): string {
  return `Re-run was asked for \`${requested.slice(0, 7)}\`, which is no longer this pull request's head: the head is audited instead.`;
}

/** `newHead`: where the head moved; null when a newer request (a push, or a re-run of this same commit) took over. */
export function supersededOutput(newHead: string | null): CheckOutput {
  if (newHead === null) {
    return {
      title: "Superseded by a newer request",
      summary: "A newer request for this pull request (a push, or a re-run) arrived while this commit was being audited, so this run published nothing: the newer run publishes the result.",
    };
  }
  return {
    title: "Superseded by a newer commit",
    summary: `The pull request's head moved to \`${newHead.slice(0, 7)}\` while this commit was being audited, so nothing was published for it: the newest commit gets its own check.`,
  };
}

/** A check an earlier attempt opened, for a run that then had nothing to do (draft, closed). */
export function skippedOutput(): CheckOutput {
  return { title: "Not audited", summary: "This pull request is a draft or closed now, so dockaudit did not audit this commit." };
}

export function failedOutput(what: string): CheckOutput {
  return {
    title: "dockaudit could not finish",
    summary: `## dockaudit could not finish this audit\n\n${what}\n\nNothing about this commit was judged: the check is neutral so it does not block the pull request. ${RERUN_HINT}`,
  };
}

/** Says which Docker files the PR moves or deletes, since both change what "new" and "fixed" mean. */
export function fileChangeNotes(removed: ReadonlySet<string>, moves: ReadonlyMap<string, string>): string[] {
  const notes: string[] = [];
  if (moves.size) notes.push(`Moved: ${[...moves].slice(0, 10).map(([from, to]) => `${code(from)} → ${code(to)}`).join(", ")}${moves.size > 10 ? ` and ${moves.size - 10} more` : ""}. A finding that moved with its file counts as already there, not as new.`);
  const deleted = [...removed].filter((p) => !moves.has(p)).sort();
  if (deleted.length) notes.push(`Deleted: ${pathList(deleted)}. The findings of a deleted file count as fixed.`);
  return notes;
}

/**
 * Paths for a note, each in a code span that holds whatever backticks it has (a path in a bare
 * span would end it at its first one, and an `@name` after that would notify). Each note is one
 * line of the summary, and notes that do not fit GitHub's limit are left out together (the
 * conclusion's reason with them), so a note never lists hundreds.
 */
export function pathList(paths: readonly string[]): string {
  return paths.slice(0, 10).map(code).join(", ") + (paths.length > 10 ? ` and ${paths.length - 10} more` : "");
}
