/**
 * Each rule's time per pass, split by calling its check twice on each model, its reports dropped:
 *
 *   first - what the rule costs in the engine: its own code, and every analysis shared through the
 *           model (the shell parse of RUN scripts, command lists, the Compose schema check) that it
 *           is the first rule to ask for on that model;
 *   again - its own code, once those analyses exist: a lower bound, since the second call comes
 *           right after the first and finds the model, the rule's code and V8's caches warm;
 *   rerun - the whole catalogue once more over the same models, in the engine's order, every shared
 *           analysis already there: what the rules' own code costs where it runs.
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
  /** Milliseconds of the reruns since the last reset. */
  rerun: number;
}

export interface TimedCatalogue {
  rules: Rule[];
  times: RuleTimes;
  reset(): void;
  /** Runs every check once more, silently, over the models they met since the last rerun, in that order. */
  rerun(): void;
}

export function timedRules(rules: readonly Rule[], clock: () => number = () => performance.now()): TimedCatalogue {
  const times: RuleTimes = { first: new Map(), again: new Map(), rerun: 0 };
  const met = new Map<object, { silent: (ctx: object) => void; ctx: object }[]>();
  const add = (table: Map<string, number>, id: string, ms: number) => table.set(id, (table.get(id) ?? 0) + ms);
  const timed = rules.map((rule) => {
    const check = rule.check as (ctx: object) => void;
    const silent = (ctx: object) => check({ ...ctx, report: () => {} });
    const replaced = (ctx: { model: object }) => {
      const calls = met.get(ctx.model);
      if (calls) calls.push({ silent, ctx });
      else met.set(ctx.model, [{ silent, ctx }]);
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
      times.rerun = 0;
    },
    rerun: () => {
      const start = clock();
      for (const calls of met.values()) {
        for (const { silent, ctx } of calls) {
          try {
            silent(ctx);
          } catch {
            /* the engine's call threw too and was reported there */
          }
        }
      }
      times.rerun += clock() - start;
      met.clear();
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
    `${perPass(sum(times.again))} ms  each called again right away on the same model (a lower bound)`,
    `${perPass(times.rerun)} ms  the whole catalogue again over the same models in the engine's order (the rules' own code)`,
    "",
    "   first    again  rule (ms per pass)",
  ];
  for (const id of ids.slice(0, rows)) lines.push(`${perPass(times.first.get(id)!)} ${perPass(times.again.get(id) ?? 0)}  ${id}`);
  return lines.join("\n");
}
