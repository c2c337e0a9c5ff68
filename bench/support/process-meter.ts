import { readFileSync } from 'node:fs';
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
  /**
   * The main thread's own CPU and the time it was runnable but waiting for a core (the machine's
   * other processes), seconds, from Linux /proc/self/schedstat (0 where absent). Wall time minus
   * both is the time it was blocked (an fsync, sqlite3's pool, a timer).
   */
  mainCpuSeconds: number;
  mainRunQueueSeconds: number;
}

/** [CPU ns, run-queue wait ns] of this process's main thread, or zeros without /proc. */
function mainThreadSchedule(): [number, number] {
  try {
    const [cpu, wait] = readFileSync('/proc/self/schedstat', 'utf8').trim().split(' ').map(Number);
    return Number.isFinite(cpu) && Number.isFinite(wait) ? [cpu, wait] : [0, 0];
  } catch {
    return [0, 0];
  }
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
  const [mainCpu, mainWait] = mainThreadSchedule();
  try {
    const result = await work();
    const used = process.cpuUsage(cpu);
    const [mainCpuAfter, mainWaitAfter] = mainThreadSchedule();
    add(observer.takeRecords() as PerformanceEntryLike[]);
    return {
      result,
      meter: {
        cpuSeconds: (used.user + used.system) / 1e6,
        gcMs,
        majorGcs,
        heapUsedMb: process.memoryUsage().heapUsed / 1024 / 1024,
        mainCpuSeconds: (mainCpuAfter - mainCpu) / 1e9,
        mainRunQueueSeconds: (mainWaitAfter - mainWait) / 1e9,
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
