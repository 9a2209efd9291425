import { Argument, From, Instruction, ModifiableInstruction } from "dockerfile-ast";

type AstRange = ReturnType<Argument["getRange"]>;

/**
 * dockerfile-ast recomputes an instruction's arguments (a character walk over the whole
 * instruction, with a line lookup per argument) on every accessor call: its own parser asks about
 * ten times per instruction while building it (twice over, as it builds each instruction once to
 * look for heredocs), and FROM's accessors a dozen more; on a 1 MB line that took 23 s. The walk now
 * happens once per instance. Callers inside dockerfile-ast change what they get (FROM replaces the
 * ends of an image range in place, flags are shifted off the array), so outside our own parse
 * (`withSharedArguments`) each call still receives a fresh array of fresh Argument objects with
 * fresh ranges; the positions, which nothing changes, are shared.
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
 * How many `withSharedArguments` calls are under way. Inside one, the accessors hand out their one
 * answer itself: the parse asks about twelve times per instruction (its own constructors, flags,
 * heredocs and ranges, then our model), and on a line of 500,000 words the copies were most of the
 * time and memory of a run. Nothing on that path changes what it gets (FROM's narrowing works on
 * the fresh ranges its replaced accessors below hand out, and flags are sliced off, not shifted).
 */
let sharing = 0;

/** Runs `read` (a parse, and a read of what it built) with the accessors' answers uncopied. */
export function withSharedArguments<T>(read: () => T): T {
  sharing++;
  try {
    return read();
  } finally {
    sharing--;
  }
}

/**
 * Replaces `proto[name]` with one that computes once per instance, and returns the reader of that
 * one answer (uncopied). The answer is kept on the instance itself, so it dies with the syntax tree:
 * a WeakMap per accessor, keyed by the tens of thousands of short-lived instances of a run, cost
 * about what it saved and raised peak memory.
 */
function memoize<T>(proto: Record<string, unknown>, name: string, hand: (cached: T) => unknown): (instance: object) => T {
  const original = proto[name] as (this: object) => T;
  const slot = Symbol(name);
  const cached = (instance: object): T => {
    const self = instance as Record<symbol, T | undefined>;
    let value = self[slot];
    if (value === undefined) self[slot] = value = original.call(instance);
    return value;
  };
  proto[name] = function memoized(this: object): unknown {
    return sharing ? cached(this) : hand(cached(this));
  };
  return cached;
}

const asIs = (value: unknown): unknown => value;
const proto = (cls: { prototype: object }) => cls.prototype as Record<string, unknown>;
memoize(proto(Instruction), "getRawArguments", copies);
memoize(proto(Instruction), "getRawArgumentsContent", asIs);
memoize(proto(Instruction), "getArgumentsContent", asIs);

// Its arguments are the raw ones less the flags, which it takes off with one `shift()` per flag:
// the square of the line's length on a line of thousands of flags (`COPY --chown=… --chown=…`).
const instructionArguments = proto(Instruction).getArguments as (this: ModifiableInstruction) => Argument[];
proto(ModifiableInstruction).getArguments = function getArguments(this: ModifiableInstruction): Argument[] {
  const args = instructionArguments.call(this);
  const flags = this.getFlags().length;
  return flags ? args.slice(flags) : args;
};
const argumentsOf = memoize(proto(ModifiableInstruction), "getArguments", copies);

// FROM's accessors read its first three arguments, but each copied all of them and parsed every
// variable of the line again: seconds per accessor on a FROM line of a megabyte. These read the
// arguments in place and hand out fresh ranges, as the copies did; its variables are only read.
const rangeOf = (arg: Argument): AstRange => {
  const r = arg.getRange();
  return { start: r.start, end: r.end };
};
proto(From).getImage = function getImage(this: From): string | null {
  const args = argumentsOf(this);
  return args.length > 0 ? args[0].getValue() : null;
};
proto(From).getImageRange = function getImageRange(this: From): AstRange | null {
  const args = argumentsOf(this);
  return args.length > 0 ? rangeOf(args[0]) : null;
};
proto(From).getBuildStageRange = function getBuildStageRange(this: From): AstRange | null {
  const args = argumentsOf(this);
  return args.length > 2 && args[1].getValue().toUpperCase() === "AS" ? rangeOf(args[2]) : null;
};
memoize(proto(From), "getVariables", asIs);
