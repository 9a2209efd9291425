import { withOpenChecks, type Job, type OpenCheck } from "./job.js";

/**
 * Which failures are worth another attempt, and when. Pure: both queues (in-process and Redis)
 * and the runner use it, so a run is retried the same way whichever queue carries it.
 */

/** Thrown by a run that hit a transient failure while its queue can still retry it. */
export class RetryLater extends Error {
  override readonly name = "RetryLater";
  /** The check run this attempt left in progress, for the next attempt to finish. */
  readonly openCheck: OpenCheck | null;
  /** The wait GitHub asked for (retry-after, rate-limit reset), ms: no retry comes sooner. */
  readonly afterMs: number;
  constructor(readonly reason: string, options: { cause?: unknown; openCheck?: OpenCheck | null } = {}) {
    super(reason, { cause: options.cause });
    this.openCheck = options.openCheck ?? null;
    this.afterMs = retryAfterMs(options.cause) ?? 0;
  }
}

/**
 * How long GitHub asked us to wait, in ms: `retry-after` (seconds), or with no requests left,
 * until `x-ratelimit-reset` (epoch seconds). Null when it did not say.
 */
export function retryAfterMs(error: unknown, now = Date.now()): number | null {
  const headers = (error as { response?: { headers?: Record<string, string | number | undefined> } } | null)?.response?.headers;
  if (!headers) return null;
  const after = Number(headers["retry-after"]);
  if (headers["retry-after"] !== undefined && Number.isFinite(after) && after >= 0) return after * 1000;
  const reset = Number(headers["x-ratelimit-reset"]);
  if (String(headers["x-ratelimit-remaining"]) === "0" && Number.isFinite(reset)) return Math.max(0, reset * 1000 - now);
  return null;
}

/** The wait before the next attempt: the backoff, or longer when GitHub asked for longer. */
export function retryDelayMs(failedAttempt: number, error: unknown, settings: Pick<RetrySettings, "baseDelayMs" | "maxDelayMs">): number {
  const asked = error instanceof RetryLater ? error.afterMs : (retryAfterMs(error) ?? 0);
  return Math.max(backoffMs(failedAttempt, settings), asked);
}

/** The job to run next time: the same request, remembering the check run left in progress. */
export function jobForRetry(job: Job, error: RetryLater): Job {
  return error.openCheck ? { ...job, openChecks: withOpenChecks(job.openChecks ?? [], [error.openCheck]) } : job;
}

export interface RetrySettings {
  /** Attempts per request, the first included (1 = never retry). */
  attempts: number;
  /** Delay before the first retry; each later one doubles it, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetrySettings = { attempts: 4, baseDelayMs: 15_000, maxDelayMs: 5 * 60_000 };

const NETWORK_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "ENOTFOUND", "UND_ERR_SOCKET", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT"]);

/**
 * GitHub unavailable (5xx), rate-limited (429, or a 403 that names a rate limit), or not reached
 * at all (timeouts, resets): another attempt later may succeed. A 4xx about the request itself
 * (404, 422, 401) and programming errors would fail the same way again.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof RetryLater) return true;
  const e = error as { status?: unknown; name?: unknown; code?: unknown; message?: unknown; cause?: unknown } | null;
  if (!e || typeof e !== "object") return false;
  const status = typeof e.status === "number" ? e.status : 0;
  if (status >= 500 || status === 429) return true;
  if (status === 403 && /rate limit/i.test(String(e.message ?? ""))) return true;
  if (status) return false;
  if (e.name === "AbortError" || e.name === "TimeoutError") return true;
  if (typeof e.code === "string" && NETWORK_CODES.has(e.code)) return true;
  if (e.name === "TypeError" && /fetch failed/i.test(String(e.message ?? ""))) return true;
  return e.cause !== undefined && e.cause !== error ? isTransient(e.cause) : false;
}

/** The wait before attempt `failedAttempt + 1`: base, 2×base, 4×base … capped. */
export function backoffMs(failedAttempt: number, settings: Pick<RetrySettings, "baseDelayMs" | "maxDelayMs">): number {
  const n = Math.max(1, Math.floor(failedAttempt));
  return Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (n - 1));
}

/** DOCKAUDIT_ATTEMPTS and DOCKAUDIT_RETRY_DELAY_MS, within sane bounds. */
export function retrySettingsFromEnv(env: NodeJS.ProcessEnv = process.env): RetrySettings {
  const attempts = intIn(env.DOCKAUDIT_ATTEMPTS, 1, 20) ?? DEFAULT_RETRY.attempts;
  const baseDelayMs = intIn(env.DOCKAUDIT_RETRY_DELAY_MS, 0, 3_600_000) ?? DEFAULT_RETRY.baseDelayMs;
  return { attempts, baseDelayMs, maxDelayMs: Math.max(baseDelayMs, DEFAULT_RETRY.maxDelayMs) };
}

export function intIn(value: string | undefined, min: number, max: number): number | null {
  if (value === undefined || value.trim() === "") return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}
