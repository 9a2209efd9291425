import type { Finding, Report } from "../engine/index.js";
import { Budget, GITHUB_TEXT_LIMIT } from "./markdown/budget.js";
import { compareFindings, type Comparison } from "./markdown/compare.js";
import { countsLine, filesLine } from "./markdown/counts.js";
import { fileHeading, findingLine, groupByFile, type FindingMarks } from "./markdown/findings.js";
import { gradeTable } from "./markdown/grades.js";
import { coverageLine, listedServices, MAX_SERVICE_ROWS, serviceMatrix } from "./markdown/services.js";
import { cutToBytes, LINE_BREAK, plural } from "./markdown/text.js";
import { mermaidTopology } from "./markdown/topology.js";

export { compareFindings, type Comparison } from "./markdown/compare.js";
export { gradeTitle } from "./markdown/grades.js";
export { GITHUB_TEXT_LIMIT } from "./markdown/budget.js";

export interface FindingSection {
  title: string;
  findings: readonly Finding[];
  /** Rendered inside a closed <details> block. */
  collapsed?: boolean;
  /** A sentence under the title. */
  intro?: string;
}

export interface MarkdownOptions {
  /** The audit of the base: adds grade deltas and new / fixed / remaining counts. */
  base?: Report;
  /** A comparison computed by the caller (the app's follows moved files); else by fingerprint from `base`. */
  comparison?: Comparison;
  /** Heading text; default `dockaudit`. */
  heading?: string;
  /** Lines shown first as a quoted list: partial results, config remarks. */
  notes?: readonly string[];
  /** The finding lists to show; default: new / pre-existing / fixed with a base, every finding without. */
  sections?: readonly FindingSection[];
  /** Size bound in UTF-8 bytes; default GitHub's 65,535. */
  maxLength?: number;
}

/** Room kept for the note that says what was left out. */
const NOTE_RESERVE = 400;

/** The audit as a reviewer reads it: the check-run summary, and the CLI's `--format markdown`. */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? GITHUB_TEXT_LIMIT;
  const comparison = options.comparison ?? (options.base ? compareFindings(options.base.findings, report.findings) : undefined);
  const budget = new Budget(maxLength - NOTE_RESERVE);
  const omitted: string[] = [];
  const addOrOmit = (block: string, what: string) => {
    if (block && !budget.add(block)) omitted.push(what);
  };

  addOrOmit(headingBlock(report, options.heading ?? "dockaudit"), "the heading");
  // Note by note, in order: those that fit are kept (the first ones say the most, the app's
  // conclusion reason among them) rather than all dropped for the last one.
  const notes = options.notes ?? [];
  let shownNotes = 0;
  for (const n of notes) {
    const line = `> ${n.replace(LINE_BREAK, " ")}`;
    if (!budget.add(shownNotes ? `>\n${line}` : line)) break;
    shownNotes++;
  }
  if (shownNotes) budget.add("");
  if (shownNotes < notes.length) omitted.push(plural(notes.length - shownNotes, "note"));
  addOrOmit(`${gradeTable(report, options.base)}\n`, "the grade table");
  addOrOmit(`${countsLine(report, comparison)}\n${filesLine(report)}\n`, "the counts");
  const services = addServices(budget, report, options.base);
  if (services) omitted.push(services);
  addOrOmit(topologyBlock(report), "the topology");

  const marks: FindingMarks = comparison ? { added: new Set(comparison.added.map((f) => f.fingerprint)) } : {};
  let hidden = 0;
  for (const section of options.sections ?? defaultSections(report, comparison)) {
    hidden += addSection(budget, section, marks, hidden > 0);
  }
  if (hidden) omitted.push(plural(hidden, "finding"));

  let text = budget.toString();
  if (omitted.length) {
    text += `\n_Not shown to stay under GitHub's ${maxLength.toLocaleString("en-US")}-character limit: ${omitted.join(", ")}. Every finding on a changed file is also an annotation; \`dockaudit check\` lists them all._\n`;
  }
  return cutToBytes(text, maxLength);
}

function headingBlock(report: Report, heading: string): string {
  const { grade, score } = report.scores.overall;
  return `## ${heading}: overall ${grade} (${score}/100)\n`;
}

function servicesBlock(report: Report, base: Report | undefined, maxRows: number): string {
  const coverage = coverageLine(report.coverage, base?.coverage);
  return `### Services\n\n${serviceMatrix(report.services, maxRows, report.findings)}\n${coverage ? `\nCoverage: ${coverage}\n` : ""}`;
}

/**
 * The service matrix with as many rows as the budget holds, the services with the most severe
 * findings first when not all fit. Returns what was left out, for the closing note.
 */
function addServices(budget: Budget, report: Report, base?: Report): string | null {
  if (!report.services.length) return null;
  const listed = listedServices(report.services);
  let rows = Math.min(MAX_SERVICE_ROWS, listed);
  if (budget.add(servicesBlock(report, base, rows))) return null;
  while (rows > 1 && !budget.fits(servicesBlock(report, base, rows))) rows--;
  if (listed && budget.add(servicesBlock(report, base, rows))) return `${listed - rows} of ${listed} service rows`;
  return "the service matrix";
}

function topologyBlock(report: Report): string {
  const chart = mermaidTopology(report.services);
  return chart ? `### Compose topology\n\n${chart}\n` : "";
}

function defaultSections(report: Report, comparison?: Comparison): FindingSection[] {
  if (!comparison) return [{ title: "Findings", findings: report.findings }];
  return [
    { title: "New findings", findings: comparison.added },
    { title: "Findings already there before this change", findings: comparison.unchanged, collapsed: true },
    { title: "Fixed by this change", findings: comparison.fixed, collapsed: true },
  ];
}

/** Adds a section line by line while the budget lasts; returns how many findings did not fit. */
function addSection(budget: Budget, section: FindingSection, marks: FindingMarks, alreadyFull: boolean): number {
  const total = section.findings.length;
  if (!total) return 0;
  const title = `${section.title} (${total})`;
  const open = section.collapsed ? `<details><summary><b>${title}</b></summary>\n` : `### ${title}\n`;
  const close = section.collapsed ? "\n</details>\n" : "";
  const reserve = Buffer.byteLength(close) + 1;
  if (alreadyFull || !budget.add(open + (section.intro ? `\n${section.intro}\n` : ""), reserve)) return total;
  let shown = 0;
  outer: for (const group of groupByFile(section.findings)) {
    if (!budget.add(`\n${fileHeading(group.file, group.findings.length)}\n`, reserve)) break;
    for (const f of group.findings) {
      if (!budget.add(findingLine(f, marks), reserve)) break outer;
      shown++;
    }
  }
  if (close) budget.add(close);
  else budget.add("");
  return total - shown;
}
