/** 1-based line and column; columns count UTF-16 code units. */
export interface Position {
  line: number;
  column: number;
}

/** `end` is exclusive: the position just after the last character. */
export interface Range {
  start: Position;
  end: Position;
}

export type Severity = "error" | "warning" | "info";
export type SeveritySetting = Severity | "off";
export type Category = "security" | "reliability" | "efficiency" | "maintainability";
export const CATEGORIES: readonly Category[] = ["security", "reliability", "efficiency", "maintainability"];

export type FileKind = "dockerfile" | "compose" | "dockerignore";

export interface SourceFile {
  path: string;
  content: string;
  /** Why the content was not read (set by whoever read the file): the file is then reported as skipped. */
  unreadable?: string;
}

export interface Edit {
  range: Range;
  text: string;
}

export interface Fix {
  description: string;
  edits: Edit[];
}

export interface Finding {
  ruleId: string;
  code: string;
  messageId: string;
  severity: Severity;
  category: Category;
  file: string;
  /** null for a file-level finding that no single node explains. */
  range: Range | null;
  message: string;
  service?: string;
  fingerprint: string;
  fix?: Fix;
  docsUrl: string;
  /** Set by secret rules: the literal the message must never show unmasked. */
  secret?: string;
}

export type RuleTarget = "dockerfile" | "compose";

export interface RuleMeta {
  id: string;
  /** The catalogue code, e.g. DF101. */
  code: string;
  target: RuleTarget;
  category: Category;
  severity: SeveritySetting;
  description: string;
  /** Ids of the same check in other tools: hadolint DL3008, kics:<uuid>, DS-0002, CKV_DOCKER_3, buildkit:Name, dclint names. */
  aliases: string[];
  messages: Record<string, string>;
  fixable?: boolean;
  /** Default option values; config may override them. */
  options?: Record<string, unknown>;
  /** What each option accepts (one entry per key of `options`); the config refuses anything else. */
  optionTypes?: Record<string, OptionType>;
  /**
   * The harm exists only for a long-running deployment (a restart policy, log rotation, resource
   * limits): the rule does not judge test and CI stacks (isTestStackPath).
   */
  deploymentOnly?: boolean;
}

/**
 * A rule option's type: true or false, a whole number from 1, a list of strings, one of a few
 * strings, or a mapping of names to either of the latter two.
 */
export type OptionType = "boolean" | "positive-integer" | "strings" | "codes" | { oneOf: readonly string[] } | { mapOf: "strings" | { oneOf: readonly string[] } };

export interface ReportDescriptor {
  messageId: string;
  /** Overrides the rule's default severity for this finding (unless the config sets the rule's severity). */
  severity?: Severity;
  data?: Record<string, string | number>;
  range: Range | null;
  fix?: Fix;
  service?: string;
  /**
   * A credential the finding is about: masked wherever a `data` value (other than `service`)
   * contains it, unless it is shorter than four characters (isMaskable).
   */
  secret?: string;
  /**
   * For a finding about services that clash, reported on whichever comes later in the file: what
   * the clash is about, order aside (the container name, the host ports). The fingerprint then
   * holds it instead of the service and the statement's text, so reordering the services does not
   * turn the same clash into a new finding.
   */
  identity?: string;
}
