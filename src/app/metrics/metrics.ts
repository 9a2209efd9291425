import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { RunOutcome } from "../jobs/run-job.js";
import type { QueueStats } from "../jobs/queue.js";
import { routeOf } from "./route.js";

/** The app's Prometheus metrics (GET /metrics); docs/operations.md says what to alert on. */
export interface AppMetrics {
  registry: Registry;
  webhook(event: string, action: string | undefined): void;
  runEnded(outcome: Pick<RunOutcome, "result" | "durationMs">): void;
  githubResponse(request: { method: string; url: string }, status: number, headers: Headers | null): void;
  unhandledRejection(): void;
  /** Where the queue gauges read from at each scrape. */
  watchQueue(stats: () => QueueStats | Promise<QueueStats>): void;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): AppMetrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: "dockaudit_process_" });
  const webhooks = new Counter({ name: "dockaudit_webhooks_received_total", help: "Verified webhook deliveries, by event and action.", labelNames: ["event", "action"], registers: [registry] });
  const runs = new Counter({ name: "dockaudit_runs_total", help: "Finished runs by outcome: published, no-docker, superseded, skipped, config-error, failed, retry.", labelNames: ["outcome"], registers: [registry] });
  const duration = new Histogram({
    name: "dockaudit_run_duration_seconds",
    help: "Wall time of one run, from taking the job to its last write.",
    labelNames: ["outcome"],
    buckets: [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600],
    registers: [registry],
  });
  const requests = new Counter({ name: "dockaudit_github_requests_total", help: "HTTP requests to GitHub (every attempt), by route and status; status 0 = no answer (timeout, network).", labelNames: ["route", "status"], registers: [registry] });
  const remaining = new Gauge({ name: "dockaudit_github_rate_limit_remaining", help: "x-ratelimit-remaining of GitHub's latest answer, by resource (core, graphql…).", labelNames: ["resource"], registers: [registry] });
  const unhandled = new Counter({ name: "dockaudit_unhandled_rejections_total", help: "Promise rejections nothing handled (a bug: each is logged).", registers: [registry] });
  let queueStats: (() => QueueStats | Promise<QueueStats>) | null = null;
  /** The queue's numbers, or null when they do not come within a second (Redis down): the scrape still answers. */
  const read = async (): Promise<QueueStats | null> => {
    if (!queueStats) return null;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 1000)));
    try {
      return await Promise.race([Promise.resolve(queueStats()), late]);
    } finally {
      clearTimeout(timer);
    }
  };
  // The three queue gauges are collected together on each scrape: they share one read of the queue.
  let scrape: Promise<QueueStats | null> | null = null;
  const readOnce = () => (scrape ??= read().finally(() => (scrape = null)));
  const queueGauge = (name: string, help: string, value: (s: QueueStats) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        const s = await readOnce().catch(() => null);
        if (s) this.set(value(s));
      },
    });
  queueGauge("dockaudit_queue_depth", "Jobs waiting to start (all replicas with Redis).", (s) => s.pending);
  queueGauge("dockaudit_queue_running", "Jobs running (all replicas with Redis).", (s) => s.running);
  queueGauge("dockaudit_queue_oldest_age_seconds", "Age of the oldest job waiting to start; 0 when none waits.", (s) => s.oldestPendingMs / 1000);
  runs.inc({ outcome: "published" }, 0);
  unhandled.inc(0);
  return {
    registry,
    webhook: (event, action) => webhooks.inc({ event, action: action ?? "" }),
    runEnded: (o) => {
      runs.inc({ outcome: o.result });
      duration.observe({ outcome: o.result }, o.durationMs / 1000);
    },
    githubResponse: (request, status, headers) => {
      requests.inc({ route: routeOf(request.method, request.url), status: String(status) });
      const left = headers?.get("x-ratelimit-remaining");
      if (left !== null && left !== undefined && left !== "" && Number.isFinite(Number(left))) remaining.set({ resource: headers?.get("x-ratelimit-resource") ?? "core" }, Number(left));
    },
    unhandledRejection: () => unhandled.inc(),
    watchQueue: (stats) => {
      queueStats = stats;
    },
  };
}
