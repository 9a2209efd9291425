import type { Rule } from "../../src/engine/rule.js";
import { describeRuleTimes, timedRules } from "../../bench/rule-times.js";

/** A rule that pays `firstCost` on its first call per model (a shared analysis) and `ownCost` on every call. */
function costlyRule(id: string, clock: { now: number }, firstCost: number, ownCost: number): Rule {
  const analysed = new WeakSet<object>();
  return {
    meta: { id },
    check: (ctx: { model: object; report(d: unknown): void }) => {
      if (!analysed.has(ctx.model)) {
        analysed.add(ctx.model);
        clock.now += firstCost;
      }
      clock.now += ownCost;
      ctx.report({ messageId: "m" });
    },
  } as unknown as Rule;
}

describe("rule times", () => {
  it("time each check on first call, again on the same model, and all again in order, with its reports dropped", () => {
    const clock = { now: 0 };
    const reports: unknown[] = [];
    const catalogue = timedRules([costlyRule("shell", clock, 30, 2), costlyRule("plain", clock, 0, 5)], () => clock.now);
    const report = (d: unknown) => reports.push(d);
    for (const model of [{}, {}]) for (const rule of catalogue.rules) (rule.check as (ctx: unknown) => void)({ model, project: {}, options: {}, services: {}, report });
    expect(reports).toEqual([]);
    expect(catalogue.rules.map((r) => r.meta.id)).toEqual(["shell", "plain"]);
    expect(Object.fromEntries(catalogue.times.first)).toEqual({ shell: 64, plain: 10 });
    expect(Object.fromEntries(catalogue.times.again)).toEqual({ shell: 4, plain: 10 });
    catalogue.rerun();
    expect(catalogue.times.rerun).toBe(14);
    expect(reports).toEqual([]);
    catalogue.rerun();
    expect(catalogue.times.rerun).toBe(14);
    catalogue.reset();
    expect(catalogue.times.first.size + catalogue.times.again.size + catalogue.times.rerun).toBe(0);
  });

  it("print totals and the costliest rules per pass", () => {
    const times = { first: new Map([["plain", 10], ["shell", 64], ["tiny", 1]]), again: new Map([["plain", 10], ["shell", 4], ["tiny", 1]]), rerun: 30 };
    const lines = describeRuleTimes(times, 2, 2).split("\n").map((l) => l.trim().split(/\s+/));
    expect(lines[0].slice(0, 2)).toEqual(["37.50", "ms"]);
    expect(lines[0].join(" ")).toContain("all 3 rules");
    expect(lines[1].slice(0, 2)).toEqual(["7.50", "ms"]);
    expect(lines[2].slice(0, 2)).toEqual(["15.00", "ms"]);
    expect(lines.slice(5)).toEqual([
      ["32.00", "2.00", "shell"],
      ["5.00", "5.00", "plain"],
    ]);
  });
});
