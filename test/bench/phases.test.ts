import type { Rule } from "../../src/engine/rule.js";
import { describePhases, substitute } from "../../bench/phases.js";

function recordingRule(calls: string[]): Rule {
  return {
    meta: { id: "r" },
    check: (ctx: { report(d: unknown): void }) => {
      calls.push("check");
      ctx.report({ messageId: "m" });
    },
  } as unknown as Rule;
}

function runWithReport(rule: Rule, reports: unknown[]): void {
  (rule.check as (ctx: unknown) => void)({ model: {}, project: {}, options: {}, services: {}, report: (d: unknown) => reports.push(d) });
}

describe("phase passes", () => {
  it("noop never runs a rule, silent runs it and drops its reports, engine runs it as it is", () => {
    const cases = { noop: [[], []], silent: [["check"], []], engine: [["check"], [{ messageId: "m" }]] } as const;
    for (const [variant, [checks, reported]] of Object.entries(cases)) {
      const calls: string[] = [];
      const reports: unknown[] = [];
      const [rule] = substitute([recordingRule(calls)], variant as "noop" | "silent" | "engine");
      expect(rule.meta.id).toBe("r");
      runWithReport(rule, reports);
      expect([variant, calls, reports]).toEqual([variant, checks, reported]);
    }
  });

  it("splits the engine's median time into the differences between the passes' medians", () => {
    const text = describePhases({ floor: [500, 480, 900], noop: [540], silent: [900, 880, 920], engine: [1000, 990, 1010] });
    expect(text.split("\n").map((l) => l.trim().split(/\s+/).slice(0, 3).join(" "))).toEqual([
      "500 ms 50", "40 ms 4", "360 ms 36", "100 ms 10", "1000 ms 100",
    ]);
  });
});
