import fc from "fast-check";
import { computeScores, gradeOf } from "../../src/engine/score.js";
import type { ProjectService } from "../../src/engine/project.js";
import { CATEGORIES, type Finding } from "../../src/engine/types.js";

const finding = fc.record({
  severity: fc.constantFrom("error" as const, "warning" as const, "info" as const),
  category: fc.constantFrom(...CATEGORIES),
  ruleId: fc.constantFrom("a", "b", "c"),
}).map((f): Finding => ({ ...f, code: "DF000", messageId: "m", file: "Dockerfile", range: null, message: "m", fingerprint: "f", docsUrl: "" }));

const service = fc.record({
  root: fc.constantFrom(true, false, null),
  healthcheck: fc.boolean(),
  restart: fc.constantFrom(null, "always", "no"),
  memory: fc.constantFrom(null, "512M"),
  cpus: fc.constantFrom(null, "0.5"),
  longRunning: fc.boolean(),
}).map((s) => ({
  name: "svc",
  compose: { partial: false },
  user: { user: null, root: s.root, source: "unknown" },
  healthcheck: { defined: s.healthcheck, source: null, disabled: false },
  restart: s.restart,
  limits: { memory: s.memory, cpus: s.cpus },
  lifecycle: s.longRunning ? "long-running" : "run-once",
}) as unknown as ProjectService);

const scoresOf = (findings: Finding[], services: ProjectService[], units: number) => computeScores(findings, services, units).scores;

describe("scores", () => {
  it("never go down when a finding is removed", () => {
    fc.assert(
      fc.property(fc.array(finding, { minLength: 1, maxLength: 60 }), fc.array(service, { maxLength: 12 }), fc.nat({ max: 40 }), fc.nat(), (findings, services, units, pick) => {
        const before = scoresOf(findings, services, units);
        const after = scoresOf(findings.filter((_, i) => i !== pick % findings.length), services, units);
        for (const key of [...CATEGORIES, "overall" as const]) expect(after[key].score).toBeGreaterThanOrEqual(before[key].score);
      }),
      { numRuns: 300 },
    );
  });

  it("do not depend on the order of findings or services", () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 40 }), fc.array(service, { maxLength: 10 }), (findings, services) => {
        expect(scoresOf([...findings].reverse(), [...services].reverse(), 10)).toEqual(scoresOf(findings, services, 10));
      }),
      { numRuns: 200 },
    );
  });

  it("stay within 0..100 and give 100 / A+ to a clean project without services", () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 200 }), fc.array(service, { maxLength: 10 }), (findings, services) => {
        for (const s of Object.values(scoresOf(findings, services, 5))) {
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(100);
          expect(s.grade).toBe(gradeOf(s.score));
        }
      }),
      { numRuns: 200 },
    );
    expect(scoresOf([], [], 1).overall).toEqual({ score: 100, grade: "A+" });
  });

  it("reward coverage: services with healthchecks and restart policies score higher on reliability", () => {
    const bare = { ...fc.sample(service, 1)[0], lifecycle: "long-running" } as ProjectService;
    const covered = { ...bare, healthcheck: { defined: true, source: "compose", disabled: false }, restart: "always" } as ProjectService;
    const without = { ...bare, healthcheck: { defined: false, source: null, disabled: false }, restart: null } as ProjectService;
    expect(scoresOf([], [covered], 2).reliability.score).toBeGreaterThan(scoresOf([], [without], 2).reliability.score);
  });

  it("match the worked example of docs/scoring.md", () => {
    const f = (severity: Finding["severity"], category: Finding["category"]) => ({ severity, category }) as Finding;
    const findings = [f("error", "security"), f("error", "security"), f("warning", "security"), f("info", "efficiency")];
    const svc = (root: boolean | null, hc: boolean, restart: string | null, memory: string | null) =>
      ({ compose: { partial: false }, user: { root }, healthcheck: { defined: hc }, restart, limits: { memory, cpus: null }, lifecycle: "long-running" }) as unknown as ProjectService;
    const services = [svc(true, true, "always", null), svc(false, false, null, "256M"), svc(null, true, "always", null)];
    const { scores, coverage } = computeScores(findings, services, 6);
    expect(coverage).toEqual({ services: 3, nonRoot: 1, longRunning: 3, healthcheck: 2, restart: 2, memoryLimit: 1, cpuLimit: 0 });
    expect(scores.security).toEqual({ score: 69, grade: "D" });
    expect(scores.reliability).toEqual({ score: 87, grade: "B" });
    expect(scores.efficiency).toEqual({ score: 66, grade: "D" });
    expect(scores.maintainability).toEqual({ score: 100, grade: "A+" });
    expect(scores.overall).toEqual({ score: 78, grade: "C" });
  });

  describe("leave run-once jobs out of the healthcheck and restart ratios", () => {
    const svc = (longRunning: boolean, hc: boolean, restart: string | null) =>
      ({ compose: { partial: false }, user: { root: false }, healthcheck: { defined: hc }, restart, limits: { memory: "1G", cpus: "1" }, lifecycle: longRunning ? "long-running" : "run-once" }) as unknown as ProjectService;

    it("a migration job beside a covered web service does not lower reliability", () => {
      const { scores, coverage } = computeScores([], [svc(true, true, "always"), svc(false, false, "no")], 2);
      expect(coverage).toMatchObject({ services: 2, longRunning: 1, healthcheck: 1, restart: 1 });
      expect(scores.reliability).toEqual({ score: 100, grade: "A+" });
    });

    it("a long-running service without them still does", () => {
      expect(computeScores([], [svc(true, true, "always"), svc(true, false, null)], 2).scores.reliability.score).toBe(80);
    });

    it("with only run-once jobs, reliability comes from findings alone; the other ratios still count them", () => {
      const { scores, coverage } = computeScores([], [svc(false, false, null)], 1);
      expect(coverage).toMatchObject({ services: 1, longRunning: 0, healthcheck: 0, restart: 0, memoryLimit: 1 });
      expect(scores.reliability).toEqual({ score: 100, grade: "A+" });
    });
  });
});
