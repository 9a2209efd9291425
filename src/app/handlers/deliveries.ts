/**
 * Remembers the last `size` webhook delivery ids. GitHub redelivers with the same
 * X-GitHub-Delivery, so a repeat is recognised and dropped instead of running the job twice.
 */
export function createDeliveryFilter(size = 1000): (id: string) => boolean {
  const seen = new Set<string>();
  return (id) => {
    if (seen.has(id)) return false;
    seen.add(id);
    if (seen.size > size) seen.delete(seen.values().next().value as string);
    return true;
  };
}

/** The subset of an ioredis client the Redis filter needs. */
export interface SetNx {
  set(key: string, value: string, ex: "EX", seconds: number, nx: "NX"): Promise<"OK" | null>;
}

/**
 * The same check shared by every replica: the first `SET NX` of a delivery id wins, and the
 * id is forgotten after `ttlSeconds` (GitHub's redeliveries come within days, not weeks).
 */
export function createRedisDeliveryFilter(redis: SetNx, prefix = "dockaudit", ttlSeconds = 3 * 24 * 3600): (id: string) => Promise<boolean> {
  return async (id) => (await redis.set(`${prefix}:delivery:${id}`, "1", "EX", ttlSeconds, "NX")) === "OK";
}
