import { audit, type Finding } from "../../src/engine/index.js";
import { defineDockerfileRule, type DockerfileRule } from "../../src/engine/rule.js";
import { FINDING_LIMITS } from "../../src/engine/run.js";

// A rule can be tripped thousands of times by a generated file; the run lists a bounded number of
// findings (per rule and file, and in all) and says how many it left out, while the grades still
// count every one.
const noisy = (id: string, times: number, severity: "warning" | "info" = "warning"): DockerfileRule =>
  defineDockerfileRule({
    meta: { id, code: "DF999", category: "efficiency", severity, description: "Reports on every line.", aliases: [], messages: { hit: "hit {{n}}" } },
    check({ model, report }) {
      for (let n = 0; n < times; n++) report({ messageId: "hit", data: { n }, range: { start: { line: 1 + (n % model.index.lineCount), column: 1 }, end: { line: 1 + (n % model.index.lineCount), column: 2 } } });
    },
  });

const file = (path: string) => ({ path, content: "FROM alpine:3.20\n".repeat(10) });
const byRule = (findings: Finding[], id: string) => findings.filter((f) => f.ruleId === id);

describe("finding limits", () => {
  it("lists at most 200 findings of one rule in one file, and says how many more there are", () => {
    expect(FINDING_LIMITS).toEqual({ perRuleAndFile: 200, perRun: 20_000 });
    const { findings } = audit([file("Dockerfile")], [noisy("loud", 250), noisy("quiet", 3)]);
    expect(byRule(findings, "loud")).toHaveLength(200);
    expect(byRule(findings, "quiet")).toHaveLength(3);
    const omitted = byRule(findings, "findings-omitted");
    expect(omitted).toHaveLength(1);
    expect(omitted[0]).toMatchObject({
      file: "Dockerfile",
      range: null,
      severity: "info",
      message: "Findings not listed for this file: 50, of loud. A rule lists at most 200 findings per file and a run at most 20000 in all; the grades count every finding.",
      docsUrl: expect.stringMatching(/\/docs\/builtin-findings\.md#findings-omitted$/),
    });
  });

  it("keeps the grades of every finding, listed or not", () => {
    const capped = audit([file("Dockerfile")], [noisy("loud", 300)]);
    const split = audit([file("Dockerfile")], [noisy("half-a", 150), noisy("half-b", 150)]);
    expect(byRule(split.findings, "findings-omitted")).toEqual([]);
    // The one extra info finding (the omitted note, reliability) weighs on reliability only.
    expect(capped.scores.efficiency).toEqual(split.scores.efficiency);
    expect(capped.scores.efficiency.score).toBeLessThan(100);
  });

  it("stops building findings at 20,000 per run; files past that get only the note", () => {
    const files = Array.from({ length: 101 }, (_, i) => file(`s${String(i).padStart(3, "0")}/Dockerfile`));
    const { findings } = audit(files, [noisy("loud", 200, "info")]);
    expect(byRule(findings, "loud")).toHaveLength(20_000);
    expect(byRule(findings, "loud").some((f) => f.file === "s100/Dockerfile")).toBe(false);
    const omitted = byRule(findings, "findings-omitted");
    expect(omitted.map((f) => f.file)).toEqual(["s100/Dockerfile"]);
    expect(omitted[0].message).toMatch(/^Findings not listed for this file: 200, of loud\./);
  });

  it("names each rule that went past its limit once, in catalogue order", () => {
    const { findings } = audit([file("Dockerfile")], [noisy("first", 201), noisy("fine", 10), noisy("second", 205)]);
    expect(byRule(findings, "findings-omitted").map((f) => f.message)).toEqual([expect.stringMatching(/^Findings not listed for this file: 6, of first, second\./)]);
  });

  it("does not count findings an ignore pragma suppresses", () => {
    const everyRun = defineDockerfileRule({
      meta: { id: "every-run", code: "DF998", category: "efficiency", severity: "warning", description: "Reports every RUN.", aliases: [], messages: { run: "a RUN" } },
      check({ model, report }) {
        for (const ins of model.instructions) if (ins.keyword === "RUN") report({ messageId: "run", range: ins.keywordRange });
      },
    });
    const lines = ["FROM alpine:3.20", ...Array.from({ length: 250 }, (_, i) => `# dockaudit ignore=every-run\nRUN echo quiet${i}`), ...Array.from({ length: 150 }, (_, i) => `RUN echo loud${i}`)];
    const { findings } = audit([{ path: "Dockerfile", content: lines.join("\n") + "\n" }], [everyRun]);
    expect(byRule(findings, "every-run")).toHaveLength(150);
    expect(byRule(findings, "findings-omitted")).toEqual([]);
  });
});
