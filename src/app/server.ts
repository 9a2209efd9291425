import { run, type ApplicationFunction } from "probot";
import { createAuditPool } from "./audit-worker.js";
import { createRedisDeliveryFilter } from "./handlers/deliveries.js";
import { healthHandler, metricsHandler, readyHandler } from "./health.js";
import { createDockaudit } from "./index.js";
import { createRedisQueue } from "./jobs/redis-queue.js";
import { intIn, retrySettingsFromEnv } from "./jobs/retry-policy.js";
import { createLogger, loggerSettingsFromEnv } from "./logger.js";
import { createMetrics } from "./metrics/metrics.js";
import { createOctokitClass } from "./octokit.js";
import { connectRedis } from "./redis/connect.js";
import { shellcheck } from "../shellcheck.js";

/**
 * `npm start`: Probot's server with the app, /healthz, /readyz and /metrics, a redacting logger,
 * throttle defaults that retry secondary limits, and with REDIS_URL the BullMQ queue shared by
 * every replica (Probot clusters its throttle through the same REDIS_URL). Without APP_ID and a
 * private key, Probot serves its setup page, which registers the app on GitHub from app.yml.
 */
async function main(): Promise<void> {
  const env = process.env;
  const log = await createLogger(loggerSettingsFromEnv());
  const metrics = createMetrics();
  process.on("unhandledRejection", (err) => {
    metrics.unhandledRejection();
    log.error({ err }, "unhandled rejection");
  });
  const prefix = env.DOCKAUDIT_REDIS_PREFIX || "dockaudit";
  const spacing = env.DOCKAUDIT_WRITE_SPACING_MS;
  const Octokit = createOctokitClass({
    ...(spacing !== undefined && spacing !== "" ? { writeSpacingMs: Number(spacing) } : {}),
    requestTimeoutMs: intIn(env.DOCKAUDIT_REQUEST_TIMEOUT_MS, 100, 600_000) ?? 30_000,
    onResponse: metrics.githubResponse,
    throttleId: env.REDIS_URL ? prefix : undefined,
  });
  const redis = env.REDIS_URL ? connectRedis(env.REDIS_URL) : null;
  const concurrency = intIn(env.DOCKAUDIT_CONCURRENCY, 1, 256) ?? 4;
  const retry = retrySettingsFromEnv(env);
  // The audit (with ShellCheck, one process per new RUN script) runs in worker threads
  // (DOCKAUDIT_AUDIT_THREADS, default 1) so that webhooks are answered while a large PR is audited.
  const auditPool = createAuditPool();
  const dockaudit = createDockaudit({
    shellcheck,
    audit: (files, opts) => auditPool.audit(files, opts),
    concurrency,
    retry,
    onRunEnd: metrics.runEnded,
    ...(redis
      ? {
          firstDelivery: createRedisDeliveryFilter(redis.redis, prefix),
          createQueue: (runner) =>
            createRedisQueue(runner, {
              redis: redis.redis,
              workerRedis: redis.workerRedis,
              prefix,
              concurrency,
              retry,
              lockDurationMs: intIn(env.DOCKAUDIT_LOCK_MS, 1000, 600_000) ?? 30_000,
              stalledIntervalMs: intIn(env.DOCKAUDIT_STALLED_CHECK_MS, 500, 600_000) ?? 30_000,
              shutdownMs: intIn(env.DOCKAUDIT_SHUTDOWN_MS, 0, 600_000) ?? 20_000,
              log,
            }),
        }
      : {}),
  });
  const app: ApplicationFunction = async (probot, options) => {
    await dockaudit.app(probot, options);
    probot.onAny(async (context) => metrics.webhook(context.name, (context.payload as { action?: string }).action));
    metrics.watchQueue(() => dockaudit.queue().stats());
    // Liveness never waits for Redis: the shared queue's numbers are in /metrics.
    options.addHandler(healthHandler(async () => (redis ? { queue: "redis" } : { queue: await dockaudit.queue().stats() })));
    options.addHandler(readyHandler(redis ? () => redis.ping() : null));
    options.addHandler(metricsHandler(metrics.registry));
  };
  const server = await run(app, { Octokit, log });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log.info("SIGTERM: finishing the running jobs");
    await server.stop().catch(() => undefined);
    // Alone, finish everything queued here; with Redis, finish (or hand back) what runs and leave the rest to the other replicas.
    if (redis) await dockaudit.close();
    else await dockaudit.idle();
    await auditPool.close();
    await redis?.close();
    log.info("stopped");
    await new Promise((r) => setTimeout(r, 100)); // let the log line through the stream
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
