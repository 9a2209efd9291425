import type { Finding, Report, Severity } from "../engine/index.js";
import { CATEGORIES } from "../engine/index.js";

export interface TextOptions {
  color: boolean;
}

const COLORS = { red: 31, yellow: 33, blue: 34, gray: 90, bold: 1, underline: 4, green: 32 } as const;
type Color = keyof typeof COLORS;

/**
 * Paths, messages and service names quote the audited files, and a control character there (an
 * escape sequence, a carriage return, a line break in a file name) would drive the reader's
 * terminal or forge a line of the report, and a bidirectional override would show the text in
 * another order than it is: each is shown as an escape instead.
 */
export function inert(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    const code = c.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16)}` : `\\x${code.toString(16).padStart(2, "0")}`;
  });
}

/** A terminal report: findings grouped by file, then the grades. Colours only when asked. */
export function renderText(report: Report, options: TextOptions): string {
  const paint = (color: Color, s: string) => (options.color ? `\u001b[${COLORS[color]}m${s}\u001b[0m` : s);
  const sevColor: Record<Severity, Color> = { error: "red", warning: "yellow", info: "blue" };
  const lines: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of report.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, findings] of byFile) {
    lines.push(paint("underline", inert(file)));
    const width = Math.max(...findings.map((f) => position(f).length));
    for (const f of findings) {
      const service = f.service ? ` (${inert(f.service)})` : "";
      lines.push(`  ${paint("gray", position(f).padEnd(width))}  ${paint(sevColor[f.severity], f.severity.padEnd(7))}  ${inert(f.message)}${service}  ${paint("gray", f.ruleId)}`);
    }
    lines.push("");
  }
  const counts = (["error", "warning", "info"] as const).map((s) => {
    const n = report.findings.filter((f) => f.severity === s).length;
    return `${n} ${s}${s === "info" || n === 1 ? "" : "s"}`;
  });
  const audited = report.files.filter((f) => !f.skipped).length;
  lines.push(`${report.findings.length ? paint("bold", `${report.findings.length} finding${report.findings.length === 1 ? "" : "s"}`) : paint("green", "No findings")} (${counts.join(", ")}) in ${audited} file${audited === 1 ? "" : "s"}, ${report.services.length} service${report.services.length === 1 ? "" : "s"}`);
  const grades = [...CATEGORIES, "overall" as const].map((c) => `${c} ${report.scores[c].grade} (${report.scores[c].score})`);
  lines.push(grades.join(" · "));
  return `${lines.join("\n")}\n`;
}

function position(f: Finding): string {
  return f.range ? `${f.range.start.line}:${f.range.start.column}` : "-";
}
