import { audit, defineComposeRule, defineDockerfileRule } from "../../src/engine/index.js";

// Every finding looks up the instruction it sits in and its YAML parent keys (for pragmas and
// fingerprints). Both were linear scans per finding: 20,000 findings in a 2,000-service Compose
// file took minutes. Now one index per file answers each.
const meta = { code: "T3", category: "reliability" as const, severity: "warning" as const, description: "", aliases: [], messages: { m: "m" } };

describe("suppression and fingerprint anchors", () => {
  it("find each Dockerfile instruction, multi-line ones included", () => {
    const rule = defineDockerfileRule({
      meta: { ...meta, id: "every-run" },
      check: ({ model, report }) => model.instructions.forEach((i) => i.keyword === "RUN" && report({ messageId: "m", range: { start: i.range.end, end: i.range.end } })),
    });
    const lines = ["FROM alpine:3.20"];
    for (let i = 0; i < 990; i++) lines.push(i % 100 === 0 ? "# dockaudit ignore=every-run" : `RUN echo ${i} \\`, "  && true");
    const findings = audit([{ path: "Dockerfile", content: lines.join("\n") + "\n" }], [rule]).findings;
    expect(findings.length).toBe(990 - 10);
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(findings.length);
  }, 180_000);

  it("honour a pragma on any YAML parent of the finding, however many siblings come between", () => {
    const rule = defineComposeRule({
      meta: { ...meta, id: "every-env" },
      check: ({ model, report }) =>
        model.services.forEach((s) => s.environment.forEach((e) => report({ messageId: "m", range: model.locateKey(e.path), service: s.name }))),
    });
    const env = Array.from({ length: 5000 }, (_, i) => `      K${i}: v`).join("\n");
    const text = `services:\n  # dockaudit ignore=every-env\n  quiet:\n    image: a\n    environment:\n${env}\n  loud:\n    image: a\n    environment:\n      # a comment between\n\n${env}\n`;
    const findings = audit([{ path: "compose.yaml", content: text }], [rule]).findings;
    expect(findings.map((f) => f.service)).toEqual(Array(5000).fill("loud"));
    expect(findings[0].range?.start.line).toBe(5000 + 11);
  }, 180_000);
});
