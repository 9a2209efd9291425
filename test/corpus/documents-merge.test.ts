import { readFileSync } from "node:fs";
import { join } from "node:path";
import { auditFiles } from "../../src/audit.js";
import type { Finding } from "../../src/engine/index.js";
import { groupByProject, loadCorpus } from "../../bench/corpus.js";
import { CORPUS, describeWithCorpus } from "../helpers/corpus.js";

/**
 * A Compose file cut into two YAML documents, its services dealt alternately to each, means what
 * it meant in one (Compose merges the documents in order). Audited that way, every real Compose
 * file of the corpus that can be cut so must get the same findings, whatever document each
 * service now sits in. Files with anchors are left whole: an alias may not cross documents.
 */
function cutInTwo(text: string): string | null {
  if (/[&*][A-Za-z]/.test(text.replace(/#.*$/gm, "")) || text.includes("\t") || /^---/m.test(text)) return null;
  const lines = text.split("\n");
  const start = lines.findIndex((l) => /^services:\s*$/.test(l));
  if (start < 0) return null;
  let end = lines.findIndex((l, i) => i > start && /^[^\s#]/.test(l));
  if (end < 0) end = lines.length;
  const body = lines.slice(start + 1, end);
  const indent = /^\s+/.exec(body.find((l) => /^\s+[^\s#]/.test(l)) ?? "")?.[0];
  if (!indent) return null;
  const services: string[][] = [[]];
  for (const line of body) {
    const startsService = line.startsWith(indent) && /^[^\s#]/.test(line.slice(indent.length));
    if (startsService && services.at(-1)!.some((l) => /^\s*[^\s#]/.test(l))) services.push([]);
    services.at(-1)!.push(line);
  }
  if (services.length < 2) return null;
  const first = [...lines.slice(0, start + 1), ...services.filter((_, i) => i % 2 === 0).flat(), ...lines.slice(end)];
  const second = ["services:", ...services.filter((_, i) => i % 2 === 1).flat()];
  return `${first.join("\n").replace(/\n*$/, "\n")}---\n${second.join("\n").replace(/\n*$/, "\n")}`;
}

/** Order rules judge how one document reads. */
const ORDER_RULES = new Set(["services-order", "top-level-order", "service-keys-order", "ports-order", "depends-on-order"]);

/**
 * A finding by what it says, not where: the services a message lists ("which `a`, `b` and 2 more
 * also mount") follow the merged order, so service names count, other quoted words are compared.
 */
function meaning(f: Finding, services: ReadonlySet<string>): string {
  const quoted = [...f.message.matchAll(/`([^`]*)`/g)].map((m) => m[1]);
  const words = quoted.filter((q) => !services.has(q)).sort();
  return `${f.ruleId} ${f.service ?? ""} ${quoted.length - words.length} ${words.join(" ")} ${f.message.replace(/`[^`]*`/g, "")}`;
}

describeWithCorpus("Compose files cut into two documents", () => {
  it("keep every finding of the file in one document", () => {
    let cut = 0;
    const differences: string[] = [];
    for (const [project, group] of groupByProject(loadCorpus(join(CORPUS, "real")))) {
      const sources = group.map((f) => ({ path: f.path, content: readFileSync(f.abs, "utf8") }));
      const tree = group.map((f) => f.path);
      const of = (files: typeof sources, path: string) => {
        const report = auditFiles(files, { tree });
        const services = new Set(report.services.map((s) => s.name));
        return report.findings
          .filter((f) => f.file === path && !ORDER_RULES.has(f.ruleId))
          .map((f) => meaning(f, services))
          .sort();
      };
      let whole: ReturnType<typeof auditFiles> | null = null;
      for (const file of sources.filter((s) => group.find((g) => g.path === s.path)!.kind === "compose")) {
        const text = cutInTwo(file.content);
        if (!text) continue;
        cut++;
        whole ??= auditFiles(sources, { tree });
        const names = new Set(whole.services.map((s) => s.name));
        const before = whole.findings.filter((f) => f.file === file.path && !ORDER_RULES.has(f.ruleId)).map((f) => meaning(f, names)).sort();
        const after = of(sources.map((s) => (s === file ? { ...s, content: text } : s)), file.path);
        if (JSON.stringify(before) !== JSON.stringify(after)) differences.push(`${project} ${file.path}`);
      }
    }
    expect(differences).toEqual([]);
    expect(cut).toBeGreaterThan(50);
  });
});
