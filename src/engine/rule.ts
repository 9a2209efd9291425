import type { ComposeModel } from "./parse/compose.js";
import type { DockerfileModel } from "./parse/dockerfile.js";
import type { Project } from "./project.js";
import type { ReportDescriptor, RuleMeta } from "./types.js";

export interface RuleContext<M> {
  model: M;
  project: Project;
  options: Record<string, unknown>;
  report(descriptor: ReportDescriptor): void;
  /** Impure helpers the caller injected (the engine itself never spawns processes or reads files). */
  services?: RuleServices;
}

/** One ShellCheck finding; lines and columns are 1-based within the script that was checked. */
export interface ShellcheckFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: number;
  level: "error" | "warning" | "info" | "style";
  message: string;
}

/** Checks a script with ShellCheck in the given dialect; null when ShellCheck is unavailable. */
export type ShellChecker = (script: string, dialect: "sh" | "bash" | "dash" | "ksh") => ShellcheckFinding[] | null;

export interface RuleServices {
  shellcheck?: ShellChecker;
}

export interface DockerfileRule {
  meta: RuleMeta & { target: "dockerfile" };
  check(ctx: RuleContext<DockerfileModel>): void;
}

export interface ComposeRule {
  meta: RuleMeta & { target: "compose" };
  check(ctx: RuleContext<ComposeModel>): void;
}

export type Rule = DockerfileRule | ComposeRule;

export const defineDockerfileRule = (rule: Omit<DockerfileRule, "meta"> & { meta: Omit<RuleMeta, "target"> }): DockerfileRule => ({
  ...rule,
  meta: { ...rule.meta, target: "dockerfile" },
});

export const defineComposeRule = (rule: Omit<ComposeRule, "meta"> & { meta: Omit<RuleMeta, "target"> }): ComposeRule => ({
  ...rule,
  meta: { ...rule.meta, target: "compose" },
});

/** Fills `{{name}}` placeholders of a message template. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
