import { Argument, type Instruction } from "dockerfile-ast";

type AstRange = ReturnType<Argument["getRange"]>;

/**
 * dockerfile-ast recomputes an instruction's arguments (a character walk over the whole
 * instruction) on every accessor call, and FROM alone asks a dozen times: on a 1 MB line that took
 * 23 s. The walk now happens once per instance. Callers inside dockerfile-ast mutate what they get
 * (FROM narrows the image range in place, flags are shifted off the array), so each call still
 * receives fresh Argument objects with copied ranges.
 */
const MEMOIZED = new WeakSet<object>();
const copyRange = (r: AstRange): AstRange => ({ start: { ...r.start }, end: { ...r.end } });
const STRING_RESULTS = ["getTextContent", "getRawArgumentsContent", "getArgumentsContent"];

export function memoizeArguments(node: Instruction): void {
  if (MEMOIZED.has(node)) return;
  MEMOIZED.add(node);
  const target = node as unknown as Record<string, unknown>;
  const raw = target.getRawArguments;
  if (typeof raw === "function") {
    let cached: Argument[] | null = null;
    target.getRawArguments = function getRawArguments(this: unknown) {
      cached ??= (raw as () => Argument[]).call(this);
      return cached.map((a) => new Argument(a.getValue(), copyRange(a.getRange())));
    };
  }
  for (const name of STRING_RESULTS) {
    const original = target[name];
    if (typeof original !== "function") continue;
    let value: unknown;
    let done = false;
    target[name] = function memoized(this: unknown) {
      if (!done) {
        value = (original as () => unknown).call(this);
        done = true;
      }
      return value;
    };
  }
}
