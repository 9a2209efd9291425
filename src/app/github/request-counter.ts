import type { GitHub } from "./types.js";

/** Requests a client sent, by kind (`GET /repos/{owner}/{repo}/pulls/{pull_number}/files`). */
export type RequestCounts = Record<string, number>;

/** Counts the requests `gh` is asked to send from now on; a throttled or retried request counts once (the GitHub double logs every attempt). */
export function countRequests(gh: GitHub): RequestCounts {
  const counts: RequestCounts = {};
  gh.hook.before("request", (options) => {
    const kind = `${options.method} ${String(options.url).replace(/\?.*$/, "")}`;
    counts[kind] = (counts[kind] ?? 0) + 1;
  });
  return counts;
}

export function totalRequests(counts: RequestCounts): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
