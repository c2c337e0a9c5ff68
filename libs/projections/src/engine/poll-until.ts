import { setTimeout as sleep } from 'node:timers/promises';

/** The longest pause between two looks: a catch-up of seconds is not looked at more often than this. */
export const LONGEST_POLL_MS = 25;

/** What pollUntil waits with (specs give their own, so no spec waits on the wall clock). */
export interface PollClock {
  now(): number;
  sleep(ms: number): Promise<unknown>;
}

const wallClock: PollClock = { now: () => Date.now(), sleep: (ms) => sleep(ms) };

/**
 * Looks until `done` says so (true) or `timeoutMs` has passed (false). The first pause is 1 ms, then
 * each doubles up to LONGEST_POLL_MS: what a read waits for is usually the entry just before it (the
 * previous read's trail entry, a command just acknowledged), applied within a few ms, and a flat
 * 25 ms poll added ~25 ms to nearly every drift report read back to back (#9). A long wait looks as
 * often as before after the first ~30 ms.
 */
export async function pollUntil(
  done: () => boolean | Promise<boolean>,
  timeoutMs: number,
  clock: PollClock = wallClock,
): Promise<boolean> {
  const deadline = clock.now() + timeoutMs;
  for (let pause = 1; ; pause = Math.min(pause * 2, LONGEST_POLL_MS)) {
    if (await done()) return true;
    const left = deadline - clock.now();
    if (left <= 0) return false;
    await clock.sleep(Math.min(pause, left));
  }
}
