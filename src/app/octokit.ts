import Bottleneck from "bottleneck";
import { ProbotOctokit } from "probot";
import { createGitHubFetch, type ResponseObserver } from "./github/fetch.js";

/** Retries a secondary-limit or rate-limit answer this many times, after the wait GitHub asks for. */
export const LIMIT_RETRIES = 2;

export interface OctokitSettings {
  /** Minimum ms between writes; unset keeps Octokit's 1 s (3 s for notification-triggering writes). */
  writeSpacingMs?: number;
  /** Per-request deadline; default 30 s. */
  requestTimeoutMs?: number;
  /** Every HTTP answer (for the metrics). */
  onResponse?: ResponseObserver;
  /**
   * Names the throttle's Bottleneck groups. With REDIS_URL the groups live in Redis and are shared
   * by every process using the same id: replicas of one deployment share it, two deployments on
   * one Redis should not.
   */
  throttleId?: string;
}

type Instance = Record<string, any>;

/**
 * Probot's client with throttle defaults that retry secondary limits. It must be the function
 * form: Probot overrides an object form's throttle handlers with ones that only log. Probot's own
 * throttle options (with REDIS_URL: `Bottleneck` and an ioredis `connection`) are kept, so the
 * limits are clustered across replicas; the write-spacing groups, when set, use that connection too.
 */
export function createOctokitClass(settings: OctokitSettings = {}): typeof ProbotOctokit {
  const spacing = settings.writeSpacingMs;
  let groups: Record<string, unknown> | null = null;
  const spacingGroups = (throttle: Instance) => {
    if (spacing === undefined) return {};
    const B = (throttle.Bottleneck ?? Bottleneck) as typeof Bottleneck;
    const shared = throttle.connection ? { connection: throttle.connection } : {};
    groups ??= {
      write: new B.Group({ id: "dockaudit-write", maxConcurrent: 1, minTime: spacing, ...shared }),
      notifications: new B.Group({ id: "dockaudit-notifications", maxConcurrent: 1, minTime: spacing, ...shared }),
    };
    return groups;
  };
  return ProbotOctokit.defaults((instance: Instance) => {
    const throttle: Instance = instance.throttle ?? {};
    return {
      ...instance,
      request: { ...instance.request, fetch: createGitHubFetch({ timeoutMs: settings.requestTimeoutMs ?? 30_000, onResponse: settings.onResponse, fetch: instance.request?.fetch }) },
      throttle: {
        ...throttle,
        ...(settings.throttleId ? { id: settings.throttleId } : {}),
        ...spacingGroups(throttle),
        onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, octokit: { log: { warn: (m: string) => void } }, retryCount: number) => {
          octokit.log.warn(`Secondary rate limit on ${options.method} ${options.url}; retry ${retryCount + 1} of ${LIMIT_RETRIES} in ${retryAfter} s`);
          return retryCount < LIMIT_RETRIES;
        },
        onRateLimit: (retryAfter: number, options: { method: string; url: string }, octokit: { log: { warn: (m: string) => void } }, retryCount: number) => {
          octokit.log.warn(`Rate limit on ${options.method} ${options.url}; retry ${retryCount + 1} of ${LIMIT_RETRIES} in ${retryAfter} s`);
          return retryCount < LIMIT_RETRIES;
        },
      },
    };
  }) as typeof ProbotOctokit;
}
