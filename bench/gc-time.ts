import { PerformanceObserver } from "node:perf_hooks";

interface Collection {
  startTime: number;
  duration: number;
}

/** Milliseconds spent in the collections that started in [start, end), on the performance.now() timeline. */
export function gcMsWithin(collections: readonly Collection[], start: number, end: number): number {
  let ms = 0;
  for (const c of collections) if (c.startTime >= start && c.startTime < end) ms += c.duration;
  return ms;
}

export interface CollectionWatch {
  /** GC time of a window that is over: waits for V8's entries, which arrive after the code that caused them. */
  msBetween(start: number, end: number): Promise<number>;
  stop(): void;
}

export function watchCollections(): CollectionWatch {
  let seen: Collection[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) seen.push({ startTime: e.startTime, duration: e.duration });
  });
  observer.observe({ entryTypes: ["gc"] });
  return {
    async msBetween(start, end) {
      // Entries are queued, then delivered from a later turn of the event loop.
      for (let i = 0; i < 2; i++) await new Promise((r) => setImmediate(r));
      const ms = gcMsWithin(seen, start, end);
      seen = seen.filter((c) => c.startTime >= end);
      return ms;
    },
    stop: () => observer.disconnect(),
  };
}
