import Bottleneck from "bottleneck";
import { ProbotOctokit } from "probot";

/** Retries a secondary-limit or rate-limit answer this many times, after the wait GitHub asks for. */
export const LIMIT_RETRIES = 2;

export interface OctokitSettings {
  /** Minimum ms between writes; unset keeps Octokit's 1 s (3 s for notification-triggering writes). */
  writeSpacingMs?: number;
}

/**
 * Probot's client with throttle defaults that retry secondary limits. It must be the function
 * form: Probot overrides an object form's throttle handlers with ones that only log.
 */
export function createOctokitClass(settings: OctokitSettings = {}): typeof ProbotOctokit {
  const spacing = settings.writeSpacingMs;
  const groups =
    spacing === undefined
      ? {}
      : {
          write: new Bottleneck.Group({ id: "dockaudit-write", maxConcurrent: 1, minTime: spacing }),
          notifications: new Bottleneck.Group({ id: "dockaudit-notifications", maxConcurrent: 1, minTime: spacing }),
        };
  return ProbotOctokit.defaults((instance: Record<string, any>) => ({
    ...instance,
    throttle: {
      ...instance.throttle,
      ...groups,
      onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, octokit: { log: { warn: (m: string) => void } }, retryCount: number) => {
        octokit.log.warn(`Secondary rate limit on ${options.method} ${options.url}; retry ${retryCount + 1} of ${LIMIT_RETRIES} in ${retryAfter} s`);
        return retryCount < LIMIT_RETRIES;
      },
      onRateLimit: (retryAfter: number, options: { method: string; url: string }, octokit: { log: { warn: (m: string) => void } }, retryCount: number) => {
        octokit.log.warn(`Rate limit on ${options.method} ${options.url}; retry ${retryCount + 1} of ${LIMIT_RETRIES} in ${retryAfter} s`);
        return retryCount < LIMIT_RETRIES;
      },
    },
  })) as typeof ProbotOctokit;
}
