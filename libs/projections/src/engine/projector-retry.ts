/**
 * How the projector waits between attempts at a batch that failed: the first retry after
 * `firstDelayMs`, each next one twice as long, never longer than `maxDelayMs`. One event that can
 * never be applied then costs a read of the log every few minutes, not every second.
 */
export interface RetryDelays {
  /** Wait before the first retry (default 1000 ms). */
  firstDelayMs: number;
  /** Longest wait between retries (default 5 minutes). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_DELAYS: RetryDelays = { firstDelayMs: 1_000, maxDelayMs: 300_000 };

/** The wait after the `attempts`-th failure in a row (1 = the first failure). */
export function retryDelayMs(attempts: number, delays: RetryDelays): number {
  const doublings = Math.min(Math.max(attempts - 1, 0), 40); // 2^40 s is past any cap: no Infinity
  return Math.min(delays.firstDelayMs * 2 ** doublings, delays.maxDelayMs);
}

/**
 * Whether the `attempts`-th failure in a row is logged: the first, then the 2nd, 4th, 8th…
 * (each line says the count and since when), so a stuck projector's log grows ever more slowly.
 */
export function logsAttempt(attempts: number): boolean {
  return attempts >= 1 && (attempts & (attempts - 1)) === 0;
}

/** Runs `run` after `delayMs`; the returned function cancels it. Specs pass their own. */
export type ScheduleRetry = (run: () => void, delayMs: number) => () => void;

export const scheduleWithTimer: ScheduleRetry = (run, delayMs) => {
  const timer = setTimeout(run, delayMs);
  timer.unref(); // a waiting retry does not keep the process alive
  return () => clearTimeout(timer);
};
