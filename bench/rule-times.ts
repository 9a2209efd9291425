/**
 * Each rule's time per pass, split by calling its check twice on each model, its reports dropped:
 *
 *   first - what the rule costs in the engine: its own code, and every analysis shared through the
 *           model (the shell parse of RUN scripts, command lists, the Compose schema check) that it
 *           is the first rule to ask for on that model;
 *   again - its own code, once those analyses exist: a lower bound, since the second call also
 *           finds strings already hashed and flattened and V8's cache of regular-expression
 *           results warm.
 *
 * A sampled profile charges a shared analysis to a function deep in the rule that asked first and
 * spreads the rest over hundreds of small functions; these sums name the rules.
 */
import { performance } from "node:perf_hooks";
import type { Rule } from "../src/engine/rule.js";

export interface RuleTimes {
  /** Milliseconds per rule id, summed over the calls timed since the last reset. */
  first: Map<string, number>;
  again: Map<string, number>;
}

export interface TimedCatalogue {
  rules: Rule[];
  times: RuleTimes;
  reset(): void;
}

export function timedRules(rules: readonly Rule[], clock: () => number = () => performance.now()): TimedCatalogue {
  const times: RuleTimes = { first: new Map(), again: new Map() };
  const add = (table: Map<string, number>, id: string, ms: number) => table.set(id, (table.get(id) ?? 0) + ms);
  const timed = rules.map((rule) => {
    const check = rule.check as (ctx: object) => void;
    const silent = (ctx: object) => check({ ...ctx, report: () => {} });
    const replaced = (ctx: object) => {
      const start = clock();
      silent(ctx);
      const between = clock();
      silent(ctx);
      add(times.first, rule.meta.id, between - start);
      add(times.again, rule.meta.id, clock() - between);
    };
    return { ...rule, check: replaced } as Rule;
  });
  return {
    rules: timed,
    times,
    reset: () => {
      times.first.clear();
      times.again.clear();
    },
  };
}

/** The printed table: totals, then the `rows` rules that cost most on first call, per pass. */
export function describeRuleTimes(times: RuleTimes, passes: number, rows: number): string {
  const perPass = (ms: number) => (ms / passes).toFixed(2).padStart(8);
  const sum = (table: Map<string, number>) => [...table.values()].reduce((a, b) => a + b, 0);
  const ids = [...times.first.keys()].sort((a, b) => times.first.get(b)! - times.first.get(a)! || (a < b ? -1 : 1));
  const lines = [
    `${perPass(sum(times.first))} ms  first call, all ${ids.length} rules (shared analyses included)`,
    `${perPass(sum(times.again))} ms  called again on the same models (the rules' own code)`,
    "",
    "   first    again  rule (ms per pass)",
  ];
  for (const id of ids.slice(0, rows)) lines.push(`${perPass(times.first.get(id)!)} ${perPass(times.again.get(id) ?? 0)}  ${id}`);
  return lines.join("\n");
}
