import fc from "fast-check";
import { auditFiles } from "../../src/audit.js";
import type { Report } from "../../src/engine/index.js";
import type { SourceFile } from "../../src/engine/types.js";
import { rangeProblems } from "../hostile/support.js";
import { anyText, composeText, dockerfileText } from "./generators.js";

// The whole engine with the full catalogue: no exception and no failing rule on any input, every
// finding inside its file, the same input giving the same report (fingerprints included), and the
// order in which files arrive making no difference. A run audits four files at once, so
// cross-file rules (build contexts, shared stages) get exercised too.
const project = fc
  .tuple(dockerfileText, composeText, fc.oneof(dockerfileText, anyText), fc.oneof(composeText, anyText), fc.constantFrom(".", "./app", "app", "missing"))
  .map(([df, compose, df2, compose2, context]): SourceFile[] => [
    { path: "Dockerfile", content: df },
    { path: "compose.yaml", content: compose.replace(/build: [^\n]*/g, `build: ${context}`) },
    { path: "app/Dockerfile", content: df2 },
    { path: "app/docker-compose.override.yml", content: compose2 },
  ]);

const failedRules = (r: Report) => r.findings.filter((f) => f.ruleId === "rule-failed").map((f) => `${f.file}: ${f.message}`);

describe("auditFiles", () => {
  it("never throws or fails a rule, and keeps every finding inside its file", () => {
    fc.assert(
      fc.property(project, (files) => {
        const report = auditFiles(files);
        expect(failedRules(report)).toEqual([]);
        expect(rangeProblems(report, files)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 240_000);

  it("gives the same report for the same input, fingerprints included", () => {
    fc.assert(
      fc.property(project, (files) => {
        expect(JSON.stringify(auditFiles(files))).toBe(JSON.stringify(auditFiles(files.map((f) => ({ ...f })))));
      }),
      { numRuns: 25 },
    );
  }, 240_000);

  it("gives the same report whatever the order of the files", () => {
    fc.assert(
      fc.property(project, fc.func(fc.integer()), (files, rank) => {
        const shuffled = [...files].sort((a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : 1)).reverse();
        expect(JSON.stringify(auditFiles(shuffled))).toBe(JSON.stringify(auditFiles(files)));
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});
