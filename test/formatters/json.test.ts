import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { auditFiles } from "../../src/audit.js";
import { DEFAULT_CONFIG } from "../../src/engine/index.js";
import { renderJson } from "../../src/formatters/json.js";

/** Every key path of a JSON value (`.findings[].fix.edits[].range.start.line`). */
function keyPaths(value: unknown, path = "", out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keyPaths(item, `${path}[]`, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.add(`${path}.${k}`);
      keyPaths(v, `${path}.${k}`, out);
    }
  }
  return out;
}

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
        ports: [{ published: "8000", target: "8000", hostIp: "127.0.0.1", protocol: "tcp" }],
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

  it("has exactly the fields docs/json-format.md shows", () => {
    const page = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "..", "docs", "json-format.md"), "utf8");
    const example: unknown = JSON.parse(page.split("```jsonc")[1].split("```")[0].replace(/\s\/\/ .*$/gm, ""));
    const report = auditFiles(
      [
        { path: "compose.yaml", content: "services:\n  api:\n    build: .\n  db:\n    image: postgres:16\n    ports:\n      - 5432:5432\n" },
        { path: "big/Dockerfile", content: "FROM alpine:3.20\n" + "RUN true\n".repeat(50_000) },
      ],
      { config: { ...DEFAULT_CONFIG, limits: { ...DEFAULT_CONFIG.limits, maxFileBytes: 100_000 } } },
    );
    const actual = keyPaths(JSON.parse(renderJson(report, { name: "dockaudit", version: "0" })));
    expect(actual).toContain(".files[].skipped");
    expect([...keyPaths(example)].sort()).toEqual([...actual].sort());
  });
});
