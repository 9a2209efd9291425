import type { Finding, Report } from "../engine/index.js";

export interface JsonFinding {
  ruleId: string;
  code: string;
  severity: Finding["severity"];
  category: Finding["category"];
  file: string;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  message: string;
  service: string | null;
  fingerprint: string;
  fix: Finding["fix"] | null;
  docsUrl: string;
}

export function toJsonFinding(f: Finding): JsonFinding {
  return {
    ruleId: f.ruleId,
    code: f.code,
    severity: f.severity,
    category: f.category,
    file: f.file,
    line: f.range?.start.line ?? null,
    column: f.range?.start.column ?? null,
    endLine: f.range?.end.line ?? null,
    endColumn: f.range?.end.column ?? null,
    message: f.message,
    service: f.service ?? null,
    fingerprint: f.fingerprint,
    fix: f.fix ?? null,
    docsUrl: f.docsUrl,
  };
}

/** The versioned JSON document described in docs/json-format.md. */
export function renderJson(report: Report, tool: { name: string; version: string }): string {
  const doc = {
    version: report.version,
    tool,
    files: report.files,
    services: report.services.map((s) => ({
      name: s.name,
      file: s.file,
      image: s.image,
      build: s.build,
      user: s.user,
      userSource: s.userSource,
      runsAsRoot: s.runsAsRoot,
      healthcheck: s.healthcheck,
      restart: s.restart,
      limits: s.limits,
      lifecycle: s.lifecycle,
      ports: s.ports,
      networks: s.networks,
      partial: s.partial,
    })),
    findings: report.findings.map(toJsonFinding),
    coverage: report.coverage,
    scores: report.scores,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
