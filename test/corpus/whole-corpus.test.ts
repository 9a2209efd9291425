import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { auditFiles } from "../../src/audit.js";
import { createClassifier } from "../../src/engine/index.js";
import { CORPUS, describeWithCorpus } from "../helpers/corpus.js";

function listFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) listFiles(full, out);
    else out.push(full);
  }
  return out;
}

const NOT_DOCKER = /(^|\/)(SOURCES\.md|MANIFEST\.tsv|metadata\.json|positive_expected_result\.json|[^/]*\.conf)$/;

/** KICS samples are named positive1.yaml etc.: give them the name their platform implies. */
function auditPath(rel: string): string {
  if (rel.startsWith("kics/dockerfile/")) return `${rel.slice(0, rel.lastIndexOf("/"))}/Dockerfile.${rel.slice(rel.lastIndexOf("/") + 1)}`;
  if (rel.startsWith("kics/dockerCompose/")) return `${rel.slice(0, rel.lastIndexOf("/"))}/docker-compose.${rel.slice(rel.lastIndexOf("/") + 1)}`;
  return rel;
}

describeWithCorpus("the engine on every file of the shared corpus", () => {
  const classify = createClassifier();
  const files = listFiles(CORPUS)
    .map((full) => relative(CORPUS, full))
    .filter((rel) => !rel.startsWith("compose-spec/") && !NOT_DOCKER.test(rel));

  it("classifies every Docker file of the corpus", () => {
    const unclassified = files.filter((rel) => !classify(auditPath(rel)));
    expect(unclassified).toEqual([]);
    expect(files.length).toBeGreaterThan(500);
  });

  it("audits each file alone without an exception, reporting every parse problem with a line", () => {
    const problems: string[] = [];
    for (const rel of files) {
      const path = auditPath(rel);
      const report = auditFiles([{ path, content: readFileSync(join(CORPUS, rel), "utf8") }]);
      expect(report.files).toHaveLength(1);
      for (const f of report.findings) {
        if (f.ruleId === "rule-failed") problems.push(`${rel}: ${f.message}`);
        if ((f.ruleId === "schema-invalid" || f.ruleId === "dockerfile-syntax") && !f.range) problems.push(`${rel}: ${f.ruleId} without a line: ${f.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("audits each project of the real corpus as a whole without a rule failing", () => {
    const byProject = new Map<string, { path: string; content: string }[]>();
    for (const rel of files.filter((r) => r.startsWith("real/") || r.startsWith("seed-projects/"))) {
      const parts = rel.split("/");
      const depth = rel.startsWith("seed-projects/") ? 3 : 2;
      const key = parts.slice(0, depth).join("/");
      byProject.set(key, [...(byProject.get(key) ?? []), { path: parts.slice(depth).join("/"), content: readFileSync(join(CORPUS, rel), "utf8") }]);
    }
    const failures: string[] = [];
    for (const [project, projectFiles] of byProject) {
      const report = auditFiles(projectFiles);
      failures.push(...report.findings.filter((f) => f.ruleId === "rule-failed").map((f) => `${project}/${f.file}: ${f.message}`));
    }
    expect(failures).toEqual([]);
    expect(byProject.size).toBeGreaterThan(40);
  });
});
