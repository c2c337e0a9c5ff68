/**
 * When each entry is recorded (`now`). Structural entries (care, placements, legal status, adoption
 * steps) are recorded within days and in date order, as decide requires; reviews, plans and audits
 * are sometimes written up weeks late, which the domain takes as late entries.
 */
import type { JourneyCommand } from '@care-journey/journey';
import { addDays } from './dates';
import type { PlannedEntry } from './draft';
import type { Random } from './prng';

const instant = (date: string, minuteOfDay: number): string =>
  `${date}T${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}:00Z`;

function delayDays(random: Random, structural: boolean): number {
  if (structural)
    return random.weighted<number>([
      [0, 75],
      [random.int(1, 3), 20],
      [random.int(4, 10), 5],
    ]);
  return random.weighted<number>([
    [0, 60],
    [random.int(1, 7), 25],
    [random.int(8, 42), 12],
    [random.int(43, 90), 3],
  ]);
}

const plusMinute = (iso: string): string =>
  new Date(Date.parse(iso) + 60_000).toISOString().replace('.000Z', 'Z');

/**
 * Gives every entry a `now` and `recordedBy`, then orders them by `now` (the order they reach the
 * store). The first entry (registration) and the start of care come first whatever the delays.
 */
export function assignRecordingTimes(
  random: Random,
  entries: readonly PlannedEntry[],
  recordedBy: string,
  recordedUntil?: string,
): JourneyCommand[] {
  const until =
    recordedUntil === undefined ? undefined : new Date(recordedUntil).toISOString().replace('.000Z', 'Z');
  let lastStructural = '';
  const timed = entries.map((entry, index) => {
    const date = 'effectiveDate' in entry.draft ? (entry.draft.effectiveDate as string) : '';
    let now = instant(addDays(date, delayDays(random, entry.structural)), random.int(8 * 60 + 30, 18 * 60));
    // Written up late, but not after `recordedUntil` (drawn as before, so the rest stays the same).
    if (!entry.structural && until !== undefined && now > until) now = until;
    if (entry.structural || index === 0) {
      if (now <= lastStructural) now = plusMinute(lastStructural);
      lastStructural = now;
    }
    return {
      command: { ...entry.draft, now, recordedBy } as JourneyCommand,
      structural: entry.structural,
      index,
    };
  });
  // A late review can never be recorded before the period of care it belongs to.
  const careStartNow = timed.find((t) => t.command.type === 'StartPeriodOfCare')?.command.now ?? '';
  for (const t of timed) {
    if (!t.structural && t.command.now <= careStartNow)
      t.command = { ...t.command, now: plusMinute(careStartNow) };
  }
  return timed
    .sort((a, b) =>
      a.command.now < b.command.now ? -1 : a.command.now > b.command.now ? 1 : a.index - b.index,
    )
    .map((t) => t.command);
}
