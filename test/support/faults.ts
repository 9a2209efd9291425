import type { Fault, FaultRequest } from "./github-double.js";

/** The faults GitHub shows in production, as the double can inject them. */
export type FaultKind = "5xx" | "secondary-403" | "secondary-429" | "timeout" | "review-422";

export const SECONDARY_LIMIT_MESSAGE = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.";

export interface RandomFaultOptions {
  /** Share of requests answered with a fault, 0..1. */
  rate: number;
  /** Same seed, same sequence of draws. */
  seed: number;
  /** retry-after of the secondary limits, seconds (small in tests). */
  retryAfterS?: number;
  /** How long a "timeout" leaves the request unanswered, ms: longer than the client waits. */
  hangMs?: number;
  kinds?: FaultKind[];
  /** Requests never faulted (e.g. a test's own reads). */
  spare?: (req: FaultRequest) => boolean;
}

/** mulberry32: a small seeded PRNG, so a failing fault run can be replayed with its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One to `most` of `parts`, drawn with `draw` and joined: the random patterns and paths of differential tests. */
export function drawJoined(draw: () => number, parts: readonly string[], most: number): string {
  return Array.from({ length: 1 + Math.floor(draw() * most) }, () => parts[Math.floor(draw() * parts.length)]).join("");
}

const isReview = (req: FaultRequest) => req.method === "POST" && req.route.endsWith("/pulls/{pull_number}/reviews");

/** One fault of a kind, as GitHub would send it. */
export function faultOf(kind: FaultKind, options: { retryAfterS?: number; hangMs?: number; draw?: () => number } = {}): Fault {
  const draw = options.draw ?? Math.random;
  switch (kind) {
    case "5xx":
      return { status: [500, 502, 503][Math.floor(draw() * 3)], body: { message: "Server Error" } };
    case "secondary-403":
    case "secondary-429":
      return { status: kind === "secondary-403" ? 403 : 429, headers: { "retry-after": String(options.retryAfterS ?? 1) }, body: { message: SECONDARY_LIMIT_MESSAGE, documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits" } };
    case "timeout":
      return { status: 504, delayMs: options.hangMs ?? 3000, body: { message: "took too long" } };
    case "review-422":
      return { status: 422, body: { message: "Unprocessable Entity", errors: ["Pull request review thread diff hunk can't be blank"] } };
  }
}

/**
 * A fault hook for the double: each request is faulted with probability `rate`, with a kind
 * drawn among `kinds` (a 422 only ever on a review, where GitHub sends it).
 */
export function randomFaults(options: RandomFaultOptions): (req: FaultRequest) => Fault | null {
  const draw = seededRandom(options.seed);
  const kinds = options.kinds ?? ["5xx", "secondary-403", "secondary-429", "timeout", "review-422"];
  return (req) => {
    if (options.spare?.(req)) return null;
    if (draw() >= options.rate) return null;
    const possible = kinds.filter((k) => k !== "review-422" || isReview(req));
    if (!possible.length) return null;
    return faultOf(possible[Math.floor(draw() * possible.length)], { ...options, draw });
  };
}
