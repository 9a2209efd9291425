import { auditFiles } from "../../src/audit.js";
import { renderJson } from "../../src/formatters/json.js";

describe("JSON output", () => {
  const report = auditFiles([
    { path: "compose.yaml", content: "services:\n  api:\n    build: .\n    ports:\n      - \"127.0.0.1:8000:8000\"\n    user: \"1000\"\n" },
    { path: "Dockerfile", content: "FROM node:20-slim\nUSER node\n" },
  ]);
  const doc = JSON.parse(renderJson(report, { name: "dockaudit", version: "9.9.9" }));

  it("is versioned and names the tool", () => {
    expect(doc.version).toBe(1);
    expect(doc.tool).toEqual({ name: "dockaudit", version: "9.9.9" });
  });

  it("describes services with their build, user and ports", () => {
    expect(doc.services).toEqual([
      expect.objectContaining({
        name: "api",
        file: "compose.yaml",
        image: null,
        build: { context: ".", dockerfile: "Dockerfile", target: null },
        user: "1000",
        runsAsRoot: false,
        ports: [{ published: "8000", target: "8000", hostIp: "127.0.0.1" }],
        networks: ["default"],
      }),
    ]);
  });

  it("flattens finding ranges into 1-based line and column fields", () => {
    for (const f of doc.findings) {
      expect(Object.keys(f).sort()).toEqual(["category", "code", "column", "docsUrl", "endColumn", "endLine", "file", "fingerprint", "fix", "line", "message", "ruleId", "service", "severity"].sort());
      if (f.line !== null) expect(f.line).toBeGreaterThanOrEqual(1);
    }
  });

  it("has scores with grades for every category and overall", () => {
    for (const key of ["security", "reliability", "efficiency", "maintainability", "overall"]) {
      expect(doc.scores[key]).toEqual({ score: expect.any(Number), grade: expect.stringMatching(/^(A\+|A|B|C|D|F)$/) });
    }
  });
});
