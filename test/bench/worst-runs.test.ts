import { audit } from "../../src/engine/index.js";
import { DEFAULT_LIMITS } from "../../src/engine/config.js";
import { LINE_LIMITS } from "../../src/engine/run.js";
import { buildingComposeFile, copyingDockerfile, worstComposeFile, worstDockerfile, worstDockerignore, worstRuns } from "../../bench/worst-runs.js";
import { rules } from "../../rules/index.js";

const lineCount = (text: string) => text.split("\n").length - 1;

describe("the worst runs of bench:hostile", () => {
  it("build files just inside the line limits", () => {
    const files = [[worstComposeFile(), LINE_LIMITS.compose], [worstDockerfile(), LINE_LIMITS.dockerfile], [buildingComposeFile(), LINE_LIMITS.compose], [copyingDockerfile(), LINE_LIMITS.dockerfile]] as const;
    for (const [text, limit] of files) {
      expect(lineCount(text)).toBeLessThanOrEqual(limit);
      expect(lineCount(text)).toBeGreaterThan(limit * 0.99);
    }
  });

  it("build a .dockerignore just inside the byte limit per file", () => {
    const bytes = Buffer.byteLength(worstDockerignore());
    expect(bytes).toBeLessThanOrEqual(DEFAULT_LIMITS.maxFileBytes);
    expect(bytes).toBeGreaterThan(DEFAULT_LIMITS.maxFileBytes * 0.99);
  });

  it("fill the default byte limit without crossing it, so that no file is skipped", () => {
    for (const run of worstRuns()) {
      const bytes = run.files.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
      expect(bytes).toBeLessThanOrEqual(DEFAULT_LIMITS.maxTotalBytes);
      expect(bytes + Buffer.byteLength(run.files[0].content)).toBeGreaterThan(DEFAULT_LIMITS.maxTotalBytes);
      expect(run.files.length).toBeLessThanOrEqual(DEFAULT_LIMITS.maxFiles);
      expect(new Set(run.files.map((f) => f.path)).size).toBe(run.files.length);
      expect(run.files.length).toBeGreaterThan(5);
    }
  });

  it("give every Dockerfile scripts of its own, so ShellCheck's cache cannot answer for a copy", () => {
    const dockerfiles = worstRuns().find((r) => r.files[0].path.endsWith("Dockerfile"))!.files;
    const firstRun = (text: string) => text.split("\n")[1];
    expect(new Set(dockerfiles.map((f) => firstRun(f.content))).size).toBe(dockerfiles.length);
  });

  it("trip many rules on every few lines", () => {
    const compose = audit([{ path: "compose.yaml", content: worstComposeFile().split("\n").slice(0, 25).join("\n") + "\n" }], rules);
    const dockerfile = audit([{ path: "Dockerfile", content: worstDockerfile().split("\n").slice(0, 5).join("\n") + "\n" }], rules);
    expect(new Set(compose.findings.map((f) => f.ruleId)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(dockerfile.findings.map((f) => f.ruleId)).size).toBeGreaterThanOrEqual(10);
  });
});
