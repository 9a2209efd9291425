import type { RuleMeta } from "../engine/index.js";

export function renderRules(metas: readonly RuleMeta[], format: "text" | "json" | "markdown", docsBase: string): string {
  if (format === "markdown") return rulesMarkdown(metas);
  if (format === "json") {
    return `${JSON.stringify(metas.map((m) => ({ ...m, docsUrl: `${docsBase}/${m.target}/${m.id}.md` })), null, 2)}\n`;
  }
  const width = Math.max(...metas.map((m) => m.id.length));
  return `${metas.map((m) => `${m.code}  ${m.id.padEnd(width)}  ${m.target.padEnd(10)}  ${m.category.padEnd(15)}  ${m.severity.padEnd(7)}  ${m.aliases.join(", ")}`).join("\n")}\n`;
}

const SEVERITY_LABEL: Record<string, string> = { error: "error", warning: "warning", info: "info", off: "off (opt-in)" };

/** docs/rules.md: generated from rule meta (`npm run docs:rules`); a test keeps the file in sync. */
export function rulesMarkdown(metas: readonly RuleMeta[]): string {
  const cell = (s: string) => s.replace(/\|/g, "\\|");
  const lines = [
    "# Rules",
    "",
    "Generated from the rules' metadata by `npm run docs:rules`; do not edit by hand.",
    "",
    `${metas.length} rules: ${metas.filter((m) => m.target === "dockerfile").length} for Dockerfiles, ${metas.filter((m) => m.target === "compose").length} for Compose files.`,
    "Aliases are the ids of the same check in other tools; pragmas and config accept them too.",
  ];
  for (const target of ["dockerfile", "compose"] as const) {
    lines.push("", `## ${target === "dockerfile" ? "Dockerfile" : "Compose"}`, "", "| code | rule | category | severity | fix | description | aliases |", "|---|---|---|---|---|---|---|");
    for (const m of [...metas].filter((x) => x.target === target).sort((a, b) => a.code.localeCompare(b.code))) {
      lines.push(`| ${m.code} | [${m.id}](../rules/${m.target}/${m.id}.md) | ${m.category} | ${SEVERITY_LABEL[m.severity]} | ${m.fixable ? "yes" : ""} | ${cell(m.description)} | ${cell(m.aliases.join(", "))} |`);
    }
  }
  return `${lines.join("\n")}\n`;
}
