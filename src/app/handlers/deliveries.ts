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
