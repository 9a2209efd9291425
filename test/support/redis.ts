import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";

/**
 * The Redis the tests may use: `DOCKAUDIT_TEST_REDIS_URL`, which `.ci/run` sets after starting a
 * redis-server on loopback. Without it (a developer machine without Redis) the Redis tests skip
 * and say why. Each test file works under its own key prefix, so files running in parallel never
 * see each other's queues.
 */
export const TEST_REDIS_URL = process.env.DOCKAUDIT_TEST_REDIS_URL ?? "";

export const REDIS_SKIP_REASON = "DOCKAUDIT_TEST_REDIS_URL is not set (bash .ci/run starts a redis-server and sets it)";

/** `describe` when a test Redis is configured, else `describe.skip` with the reason printed once. */
export function describeWithRedis(name: string, fn: () => void): void {
  if (TEST_REDIS_URL) {
    describe(name, fn);
    return;
  }
  console.warn(`skipped "${name}": ${REDIS_SKIP_REASON}`);
  describe.skip(`${name} (skipped: ${REDIS_SKIP_REASON})`, fn);
}

export function uniquePrefix(what: string): string {
  return `test-${what}-${randomUUID().slice(0, 8)}`;
}

/** Deletes every key under `prefix` (the queue's and the request store's). */
export async function dropPrefix(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    await redis.quit();
  }
}
