/**
 * Where the engine's time goes, measured by substitution: the same passes with the rules replaced.
 * A sampled profile spreads the rules over hundreds of small functions and charges each shared
 * analysis (the shell parse of RUN scripts, say) to whichever rule asks for it first; these passes
 * give the totals of each phase directly.
 *
 *   floor   - our parsers only;
 *   noop    - the engine with every rule's check doing nothing (parse, project, bookkeeping);
 *   silent  - the engine with every rule run, but what it reports dropped before it becomes a finding;
 *   engine  - the engine as it runs.
 * silent − noop is the rules' own work (shared analyses such as the shell parse and the schema check,
 * and building what they report, included); engine − silent is turning reports into findings
 * (messages, clamped ranges, suppressions, fingerprints, sorting, scores).
 */
import type { Rule } from "../src/engine/rule.js";
import { median } from "./stats.js";

export type Variant = "noop" | "silent" | "engine";

/** The catalogue as one variant runs it; the rules' metadata is unchanged. */
export function substitute(rules: readonly Rule[], variant: Variant): Rule[] {
  if (variant === "engine") return [...rules];
  return rules.map((rule) => {
    const check = rule.check as (ctx: { report: unknown }) => void;
    const replaced = variant === "noop" ? () => {} : (ctx: { report: unknown }) => check({ ...ctx, report: () => {} });
    return { ...rule, check: replaced } as Rule;
  });
}

/** The printed table: each phase's median and its share of the engine's time. */
export function describePhases(series: Record<"floor" | "noop" | "silent" | "engine", number[]>): string {
  const m = { floor: median(series.floor), noop: median(series.noop), silent: median(series.silent), engine: median(series.engine) };
  const share = (ms: number) => `${((100 * ms) / m.engine).toFixed(0)} %`;
  const rows: [string, number][] = [
    ["parse floor (our parsers)", m.floor],
    ["project, bookkeeping (noop − floor)", m.noop - m.floor],
    ["rules' own work, shared analyses included (silent − noop)", m.silent - m.noop],
    ["reports into findings: messages, suppressions, fingerprints, sort, scores (engine − silent)", m.engine - m.silent],
    ["engine", m.engine],
  ];
  return rows.map(([label, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${share(ms).padStart(5)}  ${label}`).join("\n");
}
