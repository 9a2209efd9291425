import type { Finding, Severity } from "../../engine/index.js";
import { lineSpanOf } from "../review/lines.js";
import { cutToBytes } from "../../formatters/markdown/text.js";
import { maskSecrets } from "../review/mask.js";

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "notice" | "warning" | "failure";
  title: string;
  message: string;
  raw_details?: string;
}

/** GitHub takes at most 50 annotations per request; more go in follow-up updates. */
export const ANNOTATIONS_PER_REQUEST = 50;

/**
 * The most annotations one run sends: ten updates of the check run. Every update is a write that
 * GitHub's secondary limits count (80 a minute, 500 an hour), and a run allowed 20,000 findings
 * would otherwise send 400 of them.
 */
export const MAX_ANNOTATIONS = 500;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The findings a run annotates: all of them, or the `max` most severe (in report order within a severity). */
export function toAnnotate(findings: readonly Finding[], max = MAX_ANNOTATIONS): { annotated: Finding[]; left: number } {
  if (findings.length <= max) return { annotated: [...findings], left: 0 };
  const order = findings.map((f, i) => i).sort((a, b) => RANK[findings[a].severity] - RANK[findings[b].severity] || a - b);
  return { annotated: order.slice(0, max).sort((a, b) => a - b).map((i) => findings[i]), left: findings.length - max };
}

const LEVEL: Record<Severity, Annotation["annotation_level"]> = { error: "failure", warning: "warning", info: "notice" };
/** GitHub's 64 KB for `message` and `raw_details` is counted in bytes: a non-ASCII line quoted in a message has less room. */
const MAX_MESSAGE_BYTES = 60_000;

/** One annotation per finding; a file-level finding is pinned to line 1 and says so in its title. */
export function toAnnotation(f: Finding, secrets: readonly string[]): Annotation {
  const span = lineSpanOf(f);
  const annotation: Annotation = {
    path: f.file,
    start_line: span?.first ?? 1,
    end_line: span?.last ?? 1,
    annotation_level: LEVEL[f.severity],
    title: `${f.ruleId} (${f.code})${span ? "" : " · whole file"}`.slice(0, 255),
    // Masked before it is cut, so a secret the cut runs through is not left half shown.
    message: `${cutToBytes(maskSecrets(f.message, secrets), MAX_MESSAGE_BYTES)}\n\n${f.docsUrl}`,
  };
  if (f.range && span && span.first === span.last && f.range.start.line === f.range.end.line) {
    annotation.start_column = f.range.start.column;
    annotation.end_column = Math.max(f.range.start.column, f.range.end.column - 1);
  }
  if (f.fix?.description) annotation.raw_details = cutToBytes(maskSecrets(`Fix: ${f.fix.description}`, secrets), MAX_MESSAGE_BYTES);
  return annotation;
}

export function batches<T>(items: readonly T[], size = ANNOTATIONS_PER_REQUEST): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
