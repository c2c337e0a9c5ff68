import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * The calling thread's own id on Linux (`/proc/thread-self` links to `<pid>/task/<tid>`), or
 * undefined elsewhere. Linux schedules threads one by one, and setpriority(2) on a thread id
 * changes that thread alone.
 */
export function ownThreadId(readLink: (path: string) => string = readlinkSync): number | undefined {
  try {
    const match = /\/task\/(\d+)$/.exec(readLink('/proc/thread-self'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Lowers the calling thread's scheduling priority to `nice` (0–19; 0 leaves it alone). Returns
 * what was done, for the thread's start-up line; never throws (a platform without per-thread
 * priorities keeps the default).
 */
export function lowerOwnPriority(
  nice: number,
  deps: { threadId?: () => number | undefined; set?: (id: number, nice: number) => void } = {},
): string {
  if (nice === 0) return 'default priority';
  const id = (deps.threadId ?? ownThreadId)();
  if (id === undefined) return 'default priority (no per-thread priority on this platform)';
  try {
    (deps.set ?? setPriority)(id, nice);
    return `nice ${nice}`;
  } catch (error) {
    return `default priority (setting nice ${nice} failed: ${(error as Error).message})`;
  }
}
