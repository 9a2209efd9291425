/**
 * Whether the parse costs the same inside the engine as in the parse floor. Floor and engine
 * passes alternate in one process under V8's sampling profiler; each sample is charged to the pass
 * it ran in (the named pass function on its stack), and to the parse when one of our parsers' entry
 * points is on its stack too (what rules later ask of a syntax tree is not parse: the floor never
 * asks it). Garbage collection has no stack, so neither side is charged with it. Were the engine's other work (a larger heap, polluted caches) slowing the parsers down, the
 * engine's parse would read slower than the floor's, and a faster rule engine would not close the gap.
 */

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** The pass functions whose names mark a sample's side. */
export const PASS_FUNCTIONS = { floor: "parseFloorPass", engine: "auditEnginePass" } as const;

export type Side = keyof typeof PASS_FUNCTIONS;

/** Our parsers' entry points: a sample under one of them is parse work, whatever code it is in. */
const PARSE_ENTRIES = new Set(["parseDockerfile", "parseCompose", "parseDockerignore"]);

export interface ShareTotals {
  parseMs: number;
  otherMs: number;
}

/** Milliseconds of parse and of other work per side, summed over the profile. */
export function parseShare(profile: CpuProfile): Record<Side, ShareTotals> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Per profile node: the pass it runs in, and whether a parse entry point is on its stack.
  const placed = new Map<number, { side: Side | null; parse: boolean }>();
  const place = (id: number): { side: Side | null; parse: boolean } => {
    const known = placed.get(id);
    if (known) return known;
    const name = byId.get(id)!.callFrame.functionName;
    const up = parent.get(id);
    let where: { side: Side | null; parse: boolean };
    if (name === PASS_FUNCTIONS.floor) where = { side: "floor", parse: false };
    else if (name === PASS_FUNCTIONS.engine) where = { side: "engine", parse: false };
    else {
      const above = up === undefined ? { side: null, parse: false } : place(up);
      where = PARSE_ENTRIES.has(name) ? { side: above.side, parse: true } : above;
    }
    placed.set(id, where);
    return where;
  };
  const out: Record<Side, ShareTotals> = { floor: { parseMs: 0, otherMs: 0 }, engine: { parseMs: 0, otherMs: 0 } };
  profile.samples.forEach((id, i) => {
    const { side, parse } = place(id);
    if (!side) return;
    // A sample stands for the time until the next one (timeDeltas are microseconds).
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    if (parse) out[side].parseMs += ms;
    else out[side].otherMs += ms;
  });
  // Functions are known to the profiler by the names their source gives them: one renamed would
  // leave its side without samples, and the comparison without meaning.
  for (const s of ["floor", "engine"] as const) {
    if (out[s].parseMs + out[s].otherMs === 0) throw new Error(`no profile samples ran under ${PASS_FUNCTIONS[s]}(): was the pass function renamed?`);
  }
  return out;
}

/** The printed table: per pass, parse and other work, and the engine's parse over the floor's. */
export function describeParseShare(totals: Record<Side, ShareTotals>, passes: number): string {
  const per = (ms: number) => (ms / passes).toFixed(0).padStart(6);
  const { floor, engine } = totals;
  return [
    `ms per pass (${passes} of each, alternating)   parse   other`,
    `parse floor                             ${per(floor.parseMs)}  ${per(floor.otherMs)}`,
    `engine                                  ${per(engine.parseMs)}  ${per(engine.otherMs)}`,
    `engine's parse / floor's parse: ${(engine.parseMs / floor.parseMs).toFixed(2)}`,
  ].join("\n");
}
