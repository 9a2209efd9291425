import { audit, DEFAULT_CONFIG, HARD_LIMITS, parseConfigText, type Config } from "../../src/engine/index.js";
import { LINE_LIMITS } from "../../src/engine/run.js";
import userMissing from "../../rules/dockerfile/user-missing.js";

// Limits per run (issue 6): file size, number of files audited, total bytes; configurable under
// `limits:` within HARD_LIMITS. Exceeding one gives a file-level `file-skipped` finding that names
// the file and the limit, and the rest of the run is still audited.
const rules = [userMissing];
const withLimits = (limits: Partial<Config["limits"]>): Config => ({ ...DEFAULT_CONFIG, limits: { ...DEFAULT_CONFIG.limits, ...limits } });
const dockerfile = (path: string, extra = "") => ({ path, content: `FROM python:3.12\n${extra}` });
const skipped = (config: Config, files: { path: string; content: string }[]) =>
  audit(files, rules, { config })
    .findings.filter((f) => f.ruleId === "file-skipped")
    .map((f) => f.message);
const audited = (config: Config, files: { path: string; content: string }[]) =>
  audit(files, rules, { config })
    .findings.filter((f) => f.ruleId === "user-missing")
    .map((f) => f.file);

describe("limits per run", () => {
  it("skips a file over max_file_bytes, counting UTF-8 bytes, and audits the others", () => {
    const config = withLimits({ maxFileBytes: 40 });
    const files = [dockerfile("a/Dockerfile"), dockerfile("b/Dockerfile", "# ééééééééééé\n")];
    expect(files[1].content.length).toBeLessThanOrEqual(40);
    expect(skipped(config, files)).toEqual(["b/Dockerfile was not audited: it is 42 bytes, over the limit of 40 bytes per file (limits.max_file_bytes)."]);
    expect(audited(config, files)).toEqual(["a/Dockerfile"]);
  });

  it("skips files past max_files in path order, counting only files actually audited", () => {
    const config = withLimits({ maxFiles: 2, maxFileBytes: 30 });
    const files = [dockerfile("d/Dockerfile"), dockerfile("a/Dockerfile", "#".repeat(40)), dockerfile("c/Dockerfile"), dockerfile("b/Dockerfile")];
    expect(skipped(config, files)).toEqual([
      expect.stringMatching(/^a\/Dockerfile was not audited: it is 57 bytes/),
      "d/Dockerfile was not audited: the run already audits 2 files, its limit (limits.max_files).",
    ]);
    expect(audited(config, files)).toEqual(["b/Dockerfile", "c/Dockerfile"]);
  });

  it("skips a file that would take the run past max_total_bytes", () => {
    const config = withLimits({ maxTotalBytes: 30 });
    expect(skipped(config, [dockerfile("a/Dockerfile"), dockerfile("b/Dockerfile")])).toEqual([
      "b/Dockerfile was not audited: its 17 bytes would take the run past its limit of 30 bytes in all (limits.max_total_bytes).",
    ]);
  });

  it("skips binary content (NUL bytes)", () => {
    expect(skipped(DEFAULT_CONFIG, [{ path: "Dockerfile", content: "FROM x\u0000\u0001\u0002" }])).toEqual([
      "Dockerfile was not audited: it contains NUL bytes, so it is binary content rather than text.",
    ]);
  });

  it("never goes past the hard caps, even with a config object built by hand", () => {
    const config = withLimits({ maxFileBytes: HARD_LIMITS.maxFileBytes * 10 });
    const big = { path: "Dockerfile", content: "FROM x\n" + "#".repeat(HARD_LIMITS.maxFileBytes) };
    expect(skipped(config, [big])).toEqual([expect.stringContaining(`over the limit of ${HARD_LIMITS.maxFileBytes} bytes per file`)]);
  });

  it("reads limits from .github/dockaudit.yml within the caps", () => {
    const config = parseConfigText("limits:\n  max_file_bytes: 2048\n  max_files: 5\n  max_total_bytes: 10000\n", rules.map((r) => r.meta));
    expect(config.limits).toEqual({ maxFileBytes: 2048, maxFiles: 5, maxTotalBytes: 10000 });
    expect(() => parseConfigText(`limits:\n  max_files: ${HARD_LIMITS.maxFiles + 1}\n`, [])).toThrow(`limits.max_files (line 2): must be at most ${HARD_LIMITS.maxFiles}`);
    expect(() => parseConfigText(`limits:\n  max_total_bytes: ${HARD_LIMITS.maxTotalBytes + 1}\n`, [])).toThrow("limits.max_total_bytes (line 2): must be at most");
  });

  it("skips a file with more lines than LINE_LIMITS allows for its kind, counting every kind of line break", () => {
    const many = (n: number, eol: string) => ({ path: "Dockerfile", content: "FROM python:3.12" + `${eol}RUN true`.repeat(n) });
    expect(skipped(DEFAULT_CONFIG, [many(LINE_LIMITS.dockerfile - 1, "\n")])).toEqual([]);
    for (const eol of ["\n", "\r\n", "\r"]) {
      expect(skipped(DEFAULT_CONFIG, [many(LINE_LIMITS.dockerfile, eol)])).toEqual([
        `Dockerfile was not audited: it has more than ${LINE_LIMITS.dockerfile} lines, the most dockaudit reads in a Dockerfile.`,
      ]);
    }
  });

  it("lists skipped files in the report with the reason", () => {
    const report = audit([dockerfile("Dockerfile", "#".repeat(50))], rules, { config: withLimits({ maxFileBytes: 10 }) });
    expect(report.files).toEqual([{ path: "Dockerfile", kind: "dockerfile", skipped: expect.stringContaining("limits.max_file_bytes") }]);
    expect(report.findings[0].range).toBeNull();
  });
});
