import { PerformanceObserver, constants } from 'node:perf_hooks';

/** What the process spent during one measured piece of work (the peer's rounds print it per side). */
export interface ProcessMeter {
  /** CPU of the whole process (all threads: ours' work, sqlite3's pool for Emmett), seconds. */
  cpuSeconds: number;
  /**
   * Time V8 spent collecting garbage on this thread, ms: scavenges, incremental marking steps and
   * the mark-compact pauses that finish them (a heap of ~550 MB live took 1.2 s of marking, finding 32).
   */
  gcMs: number;
  /** How many mark-compact (major) collections finished during the work. */
  majorGcs: number;
  /** V8 heap in use when the work ended, MB. */
  heapUsedMb: number;
}

/**
 * Measures `work`: CPU time, GC pauses (a PerformanceObserver on 'gc' entries) and the heap at
 * its end. GC entries are delivered asynchronously, so the observer is flushed with takeRecords().
 */
export async function metered<T>(work: () => Promise<T>): Promise<{ result: T; meter: ProcessMeter }> {
  let gcMs = 0;
  let majorGcs = 0;
  const add = (entries: readonly PerformanceEntryLike[]) => {
    for (const entry of entries) {
      gcMs += entry.duration;
      if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majorGcs++;
    }
  };
  const observer = new PerformanceObserver((list) => add(list.getEntries() as PerformanceEntryLike[]));
  observer.observe({ entryTypes: ['gc'] });
  const cpu = process.cpuUsage();
  try {
    const result = await work();
    const used = process.cpuUsage(cpu);
    add(observer.takeRecords() as PerformanceEntryLike[]);
    return {
      result,
      meter: {
        cpuSeconds: (used.user + used.system) / 1e6,
        gcMs,
        majorGcs,
        heapUsedMb: process.memoryUsage().heapUsed / 1024 / 1024,
      },
    };
  } finally {
    observer.disconnect();
  }
}

interface PerformanceEntryLike {
  duration: number;
  detail?: { kind?: number } | null;
}
