import { Redis } from "ioredis";

export interface RedisClients {
  /** Commands that must fail fast (webhook handlers, readiness): a few retries per request. */
  redis: Redis;
  /** BullMQ's worker: blocking reads, so it waits for Redis instead of failing (`maxRetriesPerRequest: null`). */
  workerRedis: Redis;
  /** PONG within `timeoutMs`, or the reason it did not come. */
  ping(timeoutMs?: number): Promise<{ ok: true } | { ok: false; error: string }>;
  close(): Promise<void>;
}

/** The clients for REDIS_URL (`redis://[user:password@]host:port[/db]`, or `rediss://` for TLS). */
export function connectRedis(url: string): RedisClients {
  const redis = new Redis(url, { maxRetriesPerRequest: 3, connectionName: "dockaudit" });
  const workerRedis = new Redis(url, { maxRetriesPerRequest: null, connectionName: "dockaudit-worker" });
  // Errors surface through the commands that fail; without a listener ioredis would print each reconnect attempt.
  redis.on("error", () => undefined);
  workerRedis.on("error", () => undefined);
  return {
    redis,
    workerRedis,
    async ping(timeoutMs = 1000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)));
      try {
        await Promise.race([redis.ping(), timeout]);
        return { ok: true };
      } catch (e) {
        return { ok: false, error: (e as Error).message };
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await Promise.allSettled([redis.quit(), workerRedis.quit()]);
    },
  };
}
