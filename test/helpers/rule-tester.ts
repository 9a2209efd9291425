import { audit, applyFixes, DEFAULT_CONFIG, type Config, type Finding } from "../../src/engine/index.js";
import { formatMessage, type Rule } from "../../src/engine/rule.js";

export interface ExpectedError {
  messageId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  service?: string;
  /** The values the message was formatted with: the finding's message must be the rule's message for `messageId` with them. */
  data?: Record<string, string>;
}

export interface TestCase {
  code: string;
  /** Path of `code`; defaults to `Dockerfile` or `compose.yaml` by the rule's target. */
  filename?: string;
  /** Other files of the project, by path (a build Dockerfile, a .dockerignore, ...). */
  files?: Record<string, string>;
  /** Every path of the repository, for rules that ask whether a file exists. */
  tree?: string[];
  options?: Record<string, unknown>;
}

export interface InvalidCase extends TestCase {
  errors: ExpectedError[];
  /** The file after applying every fix; required when any finding carries a fix. */
  output?: string;
}

export function runCase(rule: Rule, c: TestCase): Finding[] {
  const filename = c.filename ?? (rule.meta.target === "dockerfile" ? "Dockerfile" : "compose.yaml");
  const config: Config = {
    ...DEFAULT_CONFIG,
    rules: { [rule.meta.id]: { severity: rule.meta.severity === "off" ? "warning" : rule.meta.severity, options: c.options } },
  };
  const files = [{ path: filename, content: c.code }, ...Object.entries(c.files ?? {}).map(([path, content]) => ({ path, content }))];
  const report = audit(files, [rule], { config, tree: c.tree });
  return report.findings.filter((f) => f.ruleId === rule.meta.id && f.file === filename);
}

/** A table test in the ESLint RuleTester style: exact messages and 1-based ranges, and fix output. */
export function ruleTester(rule: Rule, table: { valid: (string | TestCase)[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    it("has at least one valid and one invalid case", () => {
      expect(table.valid.length).toBeGreaterThan(0);
      expect(table.invalid.length).toBeGreaterThan(0);
    });
    table.valid.forEach((v, i) => {
      const c = typeof v === "string" ? { code: v } : v;
      it(`valid #${i + 1}`, () => {
        expect(runCase(rule, c).map(describeFinding)).toEqual([]);
      });
    });
    table.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}`, () => {
        const found = runCase(rule, c);
        const actual = found.map((f, j) => ({
          messageId: f.messageId,
          line: f.range?.start.line ?? 0,
          column: f.range?.start.column ?? 0,
          endLine: f.range?.end.line ?? 0,
          endColumn: f.range?.end.column ?? 0,
          ...(c.errors.some((e) => e.service !== undefined) ? { service: f.service } : {}),
          ...dataOf(rule, f, c.errors[j]),
        }));
        expect(actual).toEqual(c.errors);
        const fixable = found.filter((f) => f.fix);
        if (c.output !== undefined) expect(applyFixes(c.code, found).output).toBe(c.output);
        else expect(fixable.map(describeFinding)).toEqual([]);
        if (fixable.length) expect(rule.meta.fixable).toBe(true);
      });
    });
  });
}

/** The expected `data` when the finding's message was formatted with it; otherwise the message, so the diff shows it. */
function dataOf(rule: Rule, f: Finding, expected: ExpectedError | undefined): { data?: Record<string, string> | { message: string } } {
  if (!expected?.data) return {};
  const template = rule.meta.messages[expected.messageId];
  // A key the template never uses would be checked against nothing.
  const unused = Object.keys(expected.data).filter((k) => !template?.includes(`{{${k}}}`));
  if (unused.length) return { data: { message: `${f.message} (the message has no {{${unused.join("}}, {{")}}})` } };
  return { data: template !== undefined && f.message === formatMessage(template, expected.data) ? expected.data : { message: f.message } };
}

function describeFinding(f: Finding): string {
  return `${f.range ? `${f.range.start.line}:${f.range.start.column}` : "file"} ${f.message}`;
}

