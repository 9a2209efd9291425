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

/** Checks a script with ShellCheck in the given dialect: its findings; null when ShellCheck is not available; "timeout" when it did not finish in time. */
export type ShellChecker = (script: string, dialect: "sh" | "bash" | "dash" | "ksh") => ShellcheckFinding[] | null | "timeout";

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
  const t = compiledTemplate(template);
  if (!t.keys.length) return template;
  let out = t.texts[0];
  for (let i = 0; i < t.keys.length; i++) {
    const key = t.keys[i];
    const value = key in data ? String(data[key]) : t.placeholders[i];
    if (t.spans[i] && value.includes("`")) {
      // A backtick would end the code span early (and three would open a code block in a comment):
      // the span gets a fence longer than any run of backticks in the value.
      const fence = "`".repeat(Math.max(...value.match(/`+/g)!.map((run) => run.length)) + 1);
      out = `${out.slice(0, -1)}${fence} ${value} ${fence}${t.texts[i + 1].slice(1)}`;
    } else out += value + t.texts[i + 1];
  }
  return out;
}

/** A template cut at its placeholders: texts[0], placeholder 0, texts[1], … (texts has one more). */
interface Template {
  texts: string[];
  keys: string[];
  placeholders: string[];
  /** Whether placeholder i is the whole of a code span: `{{name}}`. */
  spans: boolean[];
}

/** Templates come from the rule catalogue (a few hundred); past the cap a template is cut on each call. */
const templates = new Map<string, Template>();
const MAX_TEMPLATES = 5_000;

function compiledTemplate(template: string): Template {
  let t = templates.get(template);
  if (t) return t;
  t = { texts: [], keys: [], placeholders: [], spans: [] };
  const re = /\{\{\s*(\w+)\s*\}\}/g;
  let last = 0;
  for (let m: RegExpExecArray | null; (m = re.exec(template)); ) {
    t.texts.push(template.slice(last, m.index));
    t.placeholders.push(m[0]);
    t.keys.push(m[1]);
    last = m.index + m[0].length;
  }
  t.texts.push(template.slice(last));
  t.spans = t.keys.map((_, i) => /(^|[^`])`$/.test(t!.texts[i]) && /^`(?!`)/.test(t!.texts[i + 1]));
  if (templates.size < MAX_TEMPLATES) templates.set(template, t);
  return t;
}
