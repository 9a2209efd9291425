import { From } from "dockerfile-ast";

/**
 * FROM finds the `/`, `:` and `@` of an image reference outside its variables (`${TAG:-1}` holds a
 * colon that is not the tag's) with two helpers that, for each candidate, scan every variable of the
 * line and start over when one holds it: the square of the line's variables, so a 56 KB FROM of
 * `${a:-b}` took 3 s and a megabyte would take many minutes. These give the same answers (the first
 * or last match not strictly inside a variable) from the variables' spans, merged once per instance.
 */
type Span = readonly [start: number, end: number];

interface FromInternals {
  document: { offsetAt(p: { line: number; character: number }): number };
  getVariables(): { getRange(): { start: { line: number; character: number }; end: { line: number; character: number } } }[];
}

const spansSlot = Symbol("variableSpans");

/** The document offsets strictly inside some variable, as disjoint spans (start, end) sorted by start. */
function variableSpans(from: FromInternals): readonly Span[] {
  const self = from as unknown as Record<symbol, readonly Span[] | undefined>;
  const known = self[spansSlot];
  if (known) return known;
  const spans: Span[] = from.getVariables().map((v) => {
    const r = v.getRange();
    return [from.document.offsetAt(r.start), from.document.offsetAt(r.end)];
  });
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of spans) {
    const last = merged[merged.length - 1];
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  self[spansSlot] = merged;
  return merged;
}

/** The span that strictly holds `offset`, or undefined (binary search). */
function spanHolding(spans: readonly Span[], offset: number): Span | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid][1] <= offset) lo = mid + 1;
    else if (spans[mid][0] >= offset) hi = mid - 1;
    else return spans[mid];
  }
  return undefined;
}

const proto = From.prototype as unknown as Record<string, unknown>;

proto.indexOf = function indexOf(this: FromInternals, documentOffset: number, content: string, search: string): number {
  const spans = variableSpans(this);
  for (let at = content.indexOf(search); at !== -1; ) {
    const span = spanHolding(spans, documentOffset + at);
    if (!span) return at;
    at = content.indexOf(search, Math.max(at + 1, span[1] - documentOffset));
  }
  return -1;
};

proto.lastIndexOf = function lastIndexOf(this: FromInternals, documentOffset: number, content: string, search: string): number {
  const spans = variableSpans(this);
  for (let at = content.lastIndexOf(search); at !== -1; ) {
    const span = spanHolding(spans, documentOffset + at);
    if (!span) return at;
    const before = Math.min(at - 1, span[0] - documentOffset);
    at = before < 0 ? -1 : content.lastIndexOf(search, before);
  }
  return -1;
};
