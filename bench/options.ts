import { defaultCorpusDir } from "./corpus.js";

/** What `npm run bench -- …` was asked for. */
export interface Options {
  quick: boolean;
  rounds: number;
  /** Warm-up passes before the measured rounds, counted in passes over the whole corpus. */
  warmup: number;
  cold: number;
  /** Every n-th corpus file of each kind (1 = all); --quick takes every 3rd. */
  step: number;
  corpus: string;
  peers: boolean;
  app: boolean;
  corpusPart: boolean;
}

/** A mistake in the command line: reported as its message alone, without a stack. */
export class UsageError extends Error {}

/** The counts each option takes, and the least each may be. */
const COUNTS = { "--rounds": 1, "--warmup": 0, "--cold": 0, "--step": 1 } as const;

/** A whole-number argument, `fallback` when not given; anything else, or less than `least`, is a UsageError. */
export function countArg(name: string, given: string | undefined, fallback: number, least: number): number {
  if (given === undefined) return fallback;
  const n = Number(given);
  if (!/^\d+$/.test(given) || n < least) throw new UsageError(`${name} takes a whole number of at least ${least}, not "${given}"`);
  return n;
}

/** Reads the benchmark's options; a count that is not a whole number in range is an error. */
export function parseArgs(argv: readonly string[]): Options {
  const quick = argv.includes("--quick");
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const count = (name: keyof typeof COUNTS, fallback: number): number => countArg(name, value(name), fallback, COUNTS[name]);
  return {
    quick,
    rounds: count("--rounds", quick ? 3 : 7),
    // The JIT keeps optimizing the engine's less common functions for about ten passes (docs/benchmarks.md).
    warmup: count("--warmup", quick ? 4 : 10),
    cold: count("--cold", quick ? 1 : 3),
    step: count("--step", quick ? 3 : 1),
    corpus: value("--corpus") ?? defaultCorpusDir(),
    peers: !argv.includes("--no-peers"),
    app: !argv.includes("--no-app"),
    corpusPart: !argv.includes("--no-corpus"),
  };
}
