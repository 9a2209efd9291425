import { BUILTIN_RULES } from "../engine/builtin.js";
import type { Report, RuleMeta, Severity } from "../engine/index.js";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

/** The base id of relative artifact URIs: the source root, as code scanning and SARIF viewers name it. */
const SRCROOT = "%SRCROOT%";

/**
 * A path as a relative URI reference: each segment percent-encoded, so that a `#`, `?` or `%` in a
 * name stays part of the path and a `:` in the first segment is not read as a scheme.
 */
export const pathUri = (path: string) => path.split("/").map(encodeURIComponent).join("/");

/**
 * How the report's paths (from the audited directory) become artifact URIs. `prefix` (forward
 * slashes, ending in `/`) is the audited directory's path from the source root, put before every
 * path in a URI relative to `%SRCROOT%`: code scanning places a result by its path from the
 * repository root (`services/` when `dockaudit check services/` audits part of it). `srcRoot`, the
 * root's `file://` URI when known, goes in `originalUriBaseIds`. `absolute`: the audited
 * directory's `file://` URI (ending in `/`), for files no repository root is known for; SARIF
 * gives such URIs no `uriBaseId`.
 */
export type SarifBase = { prefix: string; srcRoot?: string } | { absolute: string };

/** SARIF 2.1.0 with one run, the rule metadata as `tool.driver.rules`, 1-based regions. */
export function renderSarif(
  report: Report,
  rules: readonly RuleMeta[],
  tool: { name: string; version: string; informationUri: string },
  docsUrl: (meta: RuleMeta) => string,
  base: SarifBase = { prefix: "" },
): string {
  const artifact = (path: string) => ("absolute" in base ? { uri: base.absolute + pathUri(path) } : { uri: pathUri(base.prefix + path), uriBaseId: SRCROOT });
  const used = new Set(report.findings.map((f) => f.ruleId));
  const helpUri = new Map(report.findings.map((f) => [f.ruleId, f.docsUrl]));
  const builtins = BUILTIN_RULES.filter((b) => used.has(b.id) && !rules.some((r) => r.id === b.id));
  const driverRules = [...rules, ...builtins].filter((r) => used.has(r.id) || r.severity !== "off");
  const builtinIds = new Set(builtins.map((b) => b.id));
  const ruleIndex = new Map(driverRules.map((r, i) => [r.id, i]));
  const results = report.findings.map((f) => {
    const location: Record<string, unknown> = { artifactLocation: artifact(f.file) };
    if (f.range) {
      location.region = {
        startLine: f.range.start.line,
        startColumn: f.range.start.column,
        endLine: f.range.end.line,
        endColumn: f.range.end.column,
      };
    }
    const result: Record<string, unknown> = {
      ruleId: f.ruleId,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: location }],
      partialFingerprints: { "dockaudit/v1": f.fingerprint },
      properties: { category: f.category, ...(f.service ? { service: f.service } : {}) },
    };
    const index = ruleIndex.get(f.ruleId);
    if (index !== undefined) result.ruleIndex = index;
    if (f.fix && f.range) {
      result.fixes = [
        {
          description: { text: f.fix.description },
          artifactChanges: [
            {
              artifactLocation: artifact(f.file),
              replacements: f.fix.edits.map((e) => ({
                deletedRegion: { startLine: e.range.start.line, startColumn: e.range.start.column, endLine: e.range.end.line, endColumn: e.range.end.column },
                insertedContent: { text: e.text },
              })),
            },
          ],
        },
      ];
    }
    return result;
  });
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            informationUri: tool.informationUri,
            rules: driverRules.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: r.description },
              helpUri: builtinIds.has(r.id) ? helpUri.get(r.id) : docsUrl(r),
              defaultConfiguration: r.severity === "off" ? { enabled: false, level: "warning" } : { level: LEVEL[r.severity] },
              properties: { category: r.category, code: r.code, aliases: r.aliases, tags: [r.category, r.target] },
            })),
          },
        },
        ...("srcRoot" in base && base.srcRoot ? { originalUriBaseIds: { [SRCROOT]: { uri: base.srcRoot } } } : {}),
        results,
        columnKind: "utf16CodeUnits",
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
