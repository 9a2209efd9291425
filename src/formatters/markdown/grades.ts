import { CATEGORIES, type Category, type Report } from "../../engine/index.js";
import { signed } from "./text.js";

export const CATEGORY_LABEL: Record<Category | "overall", string> = {
  security: "Security",
  reliability: "Reliability",
  efficiency: "Efficiency",
  maintainability: "Maintainability",
  overall: "Overall",
};

/** `Security B (+12) · Reliability C · Efficiency A · Maintainability B`: the check run's title. */
export function gradeTitle(report: Report, base?: Report): string {
  return CATEGORIES.map((c) => {
    const { grade, score } = report.scores[c];
    const delta = base ? score - base.scores[c].score : 0;
    return `${CATEGORY_LABEL[c]} ${grade}${delta ? ` (${signed(delta)})` : ""}`;
  }).join(" · ");
}

/** The grade table; with a base, a column says how each score moved. */
export function gradeTable(report: Report, base?: Report): string {
  const rows = [...CATEGORIES, "overall" as const].map((c) => {
    const { grade, score } = report.scores[c];
    const label = c === "overall" ? `**${CATEGORY_LABEL[c]}**` : CATEGORY_LABEL[c];
    const g = c === "overall" ? `**${grade}**` : grade;
    const cols = [label, g, String(score)];
    if (base) cols.push(change(base.scores[c], { grade, score }));
    return `| ${cols.join(" | ")} |`;
  });
  const header = base ? "| Category | Grade | Score | Change from base |\n|---|:-:|--:|---|" : "| Category | Grade | Score |\n|---|:-:|--:|";
  return `${header}\n${rows.join("\n")}`;
}

function change(before: { grade: string; score: number }, after: { grade: string; score: number }): string {
  const delta = after.score - before.score;
  if (!delta) return "unchanged";
  const arrow = delta > 0 ? "▲" : "▼";
  const grade = before.grade === after.grade ? "" : ` (${before.grade} → ${after.grade})`;
  return `${arrow} ${signed(delta)}${grade}`;
}
