import { Argument, Instruction, ModifiableInstruction } from "dockerfile-ast";

type AstRange = ReturnType<Argument["getRange"]>;

/**
 * dockerfile-ast recomputes an instruction's arguments (a character walk over the whole
 * instruction, with a line lookup per argument) on every accessor call: its own parser asks about
 * ten times per instruction while building it (twice over, as it builds each instruction once to
 * look for heredocs), and FROM's accessors a dozen more; on a 1 MB line that took 23 s. The walk now
 * happens once per instance. Callers inside dockerfile-ast change what they get (FROM replaces the
 * ends of an image range in place, flags are shifted off the array), so each call still receives
 * a fresh array of fresh Argument objects with fresh ranges; the positions, which nothing changes,
 * are shared.
 *
 * The patch is made once, on the prototype, when this module loads: an instance's document, range
 * and escape character are set in its constructor and never change, so its answers cannot either.
 */
function copies(args: readonly Argument[]): Argument[] {
  const out = new Array<Argument>(args.length);
  for (let i = 0; i < args.length; i++) {
    const r: AstRange = args[i].getRange();
    out[i] = new Argument(args[i].getValue(), { start: r.start, end: r.end });
  }
  return out;
}

/**
 * Replaces `proto[name]` with one that computes once per instance. The answer is kept on the
 * instance itself, so it dies with the syntax tree: a WeakMap per accessor, keyed by the tens of
 * thousands of short-lived instances of a run, cost about what it saved and raised peak memory.
 */
function memoize(proto: Record<string, unknown>, name: string, hand: (cached: unknown) => unknown): void {
  const original = proto[name] as (this: object) => unknown;
  const slot = Symbol(name);
  proto[name] = function memoized(this: Record<symbol, unknown>): unknown {
    let cached = this[slot];
    if (cached === undefined) this[slot] = cached = original.call(this);
    return hand(cached);
  };
}

const asIs = (value: unknown): unknown => value;
const proto = (cls: { prototype: object }) => cls.prototype as Record<string, unknown>;
memoize(proto(Instruction), "getRawArguments", (args) => copies(args as Argument[]));
memoize(proto(Instruction), "getRawArgumentsContent", asIs);
memoize(proto(Instruction), "getArgumentsContent", asIs);
// Its arguments are the raw ones less the flags, which it shifts off a copy each time.
memoize(proto(ModifiableInstruction), "getArguments", (args) => copies(args as Argument[]));
