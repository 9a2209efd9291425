import { audit, defineComposeRule, defineDockerfileRule } from "../../src/engine/index.js";

// Every finding looks up the instruction it sits in and its YAML parent keys (for pragmas and
// fingerprints). Both were linear scans per finding: 20,000 findings in a 2,000-service Compose
// file took minutes. Now one index per file answers each. A rule lists at most 200 findings per
// file (FINDING_LIMITS), so the findings come from several rules, each taking every n-th.
const meta = { code: "T3", category: "reliability" as const, severity: "warning" as const, description: "", aliases: [], messages: { m: "m" } };
const shares = <T>(items: T[], parts: number, part: number) => items.filter((_, i) => i % parts === part);

describe("suppression and fingerprint anchors", () => {
  it("find each Dockerfile instruction, multi-line ones included", () => {
    const rules = Array.from({ length: 5 }, (_, part) =>
      defineDockerfileRule({
        meta: { ...meta, id: `every-run-${part}` },
        check: ({ model, report }) =>
          shares(model.instructions.filter((i) => i.keyword === "RUN"), 5, part).forEach((i) => report({ messageId: "m", range: { start: i.range.end, end: i.range.end } })),
      }),
    );
    const lines = ["FROM alpine:3.20"];
    for (let i = 0; i < 990; i++) lines.push(i % 100 === 0 ? "# dockaudit ignore=all" : `RUN echo ${i} \\`, "  && true");
    const findings = audit([{ path: "Dockerfile", content: lines.join("\n") + "\n" }], rules).findings;
    expect(findings.length).toBe(990 - 10);
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(findings.length);
  }, 180_000);

  it("honour a pragma on any YAML parent of the finding, however many siblings come between", () => {
    const rules = Array.from({ length: 50 }, (_, part) =>
      defineComposeRule({
        meta: { ...meta, id: `every-env-${part}` },
        check: ({ model, report }) =>
          model.services.forEach((s) => shares(s.environment, 50, part).forEach((e) => report({ messageId: "m", range: model.locateKey(e.path), service: s.name }))),
      }),
    );
    const env = Array.from({ length: 5000 }, (_, i) => `      K${i}: v`).join("\n");
    const text = `services:\n  # dockaudit ignore=all\n  quiet:\n    image: a\n    environment:\n${env}\n  loud:\n    image: a\n    environment:\n      # a comment between\n\n${env}\n`;
    const findings = audit([{ path: "compose.yaml", content: text }], rules).findings;
    expect(findings.map((f) => f.service)).toEqual(Array(5000).fill("loud"));
    expect(Math.min(...findings.map((f) => f.range?.start.line ?? 0))).toBe(5000 + 11);
  }, 180_000);
});
