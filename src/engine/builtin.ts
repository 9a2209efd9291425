import type { RuleMeta } from "./types.js";

/** Findings the engine itself raises about its input, outside the rule catalogue. */
export const FILE_SKIPPED: RuleMeta = {
  id: "file-skipped",
  code: "DA001",
  target: "dockerfile",
  category: "reliability",
  severity: "warning",
  description: "A file could not be audited: unreadable, too large, binary, or over the run's limits.",
  aliases: [],
  messages: { skipped: "{{path}} was not audited: {{reason}}." },
};

export const RULE_FAILED: RuleMeta = {
  id: "rule-failed",
  code: "DA002",
  target: "dockerfile",
  category: "reliability",
  severity: "info",
  description: "A rule failed on this file; the rest of the audit is unaffected.",
  aliases: [],
  messages: { failed: "Rule {{rule}} could not check this file: {{error}}." },
};

export const SHELL_NOT_PARSED: RuleMeta = {
  id: "shell-not-parsed",
  code: "DA003",
  target: "dockerfile",
  category: "reliability",
  severity: "info",
  description: "A RUN, CMD or ENTRYPOINT script was too large to parse, so rules that read its commands did not check it.",
  aliases: [],
  messages: { notParsed: "The shell script of this {{keyword}} was not checked: {{reason}}." },
};

export const FINDINGS_OMITTED: RuleMeta = {
  id: "findings-omitted",
  code: "DA004",
  target: "dockerfile",
  category: "reliability",
  severity: "info",
  description: "A file has more findings than a run lists; the rest still count in the grades.",
  aliases: [],
  messages: {
    omitted: "Findings not listed for this file: {{count}}, of {{rules}}. A rule lists at most {{perRule}} findings per file and a run at most {{perRun}} in all; the grades count every finding.",
  },
};

export const SUPPRESSION_UNKNOWN_RULE: RuleMeta = {
  id: "suppression-unknown-rule",
  code: "DA005",
  target: "dockerfile",
  category: "maintainability",
  severity: "info",
  description: "A dockaudit ignore comment names no rule, so it suppresses nothing by that name.",
  aliases: [],
  messages: { unknown: "`{{name}}` names no rule (nor an alias of one), so this comment suppresses nothing by it; run `dockaudit rules` for the names." },
};

export const BUILTIN_RULES: readonly RuleMeta[] = [FILE_SKIPPED, RULE_FAILED, SHELL_NOT_PARSED, FINDINGS_OMITTED, SUPPRESSION_UNKNOWN_RULE];
