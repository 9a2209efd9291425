export * from "./types.js";
export { audit, isMaskable, maskSecret, DEFAULT_DOCS_URL, type AuditOptions, type Report } from "./run.js";
export { isWeakSecret } from "./secrets.js";
export { createClassifier, DEFAULT_PATTERNS, type FilePatterns } from "./classify.js";
export * from "./config.js";
export { defineComposeRule, defineDockerfileRule, type Rule, type RuleContext, type DockerfileRule, type ComposeRule, type RuleServices, type ShellChecker, type ShellcheckFinding } from "./rule.js";
export { computeScores, gradeOf, type Scores, type Score, type Coverage } from "./score.js";
export type { ServiceSummary } from "./summary.js";
export { applyFixes, fixUntilSettled, MAX_FIX_PASSES, type FixedFiles } from "./fix.js";
