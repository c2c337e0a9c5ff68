/**
 * What `seed` may write without stamping anything in the future (the rule the API applies to every
 * entry: no date after the day it is recorded, 422 date-in-future). A synthetic journey's entries
 * are recorded after they happen: those that build it (care, placements) within 10 days, later
 * write-ups (reviews, plans) up to 90 days, the latter capped at the seeding moment
 * (`recordedUntil`, as the demo does). So the history must end at least 11 days before today, and a
 * history that ended within the last 91 days has its late write-ups capped at now. An older history
 * is left uncapped: every entry is then recorded in the past anyway, and the same options give
 * the same authority on any day (recordedUntil also moves a child who turns 18 before it out of care).
 */
import { addDays, isValidCalendarDate } from '@care-journey/journey';

/** Days between the history's last day and the seeding moment (structural entries: within 10 days). */
export const SEED_RECORDING_DAYS = 11;
/** The latest a write-up is recorded after its date (recording-times.ts: 90 days, then a minute). */
const LATEST_WRITE_UP_DAYS = 91;

export type SeedHistoryEnd = { ok: true; recordedUntil: string | undefined } | { ok: false; message: string };

/**
 * `--year-ending` checked against `now`: refused (naming the option and the rule) when it is not a
 * date or too recent; else the instant every later write-up is capped at, when one could reach it.
 */
export function seedHistoryEnd(yearEnding: string, now: Date): SeedHistoryEnd {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(yearEnding) || !isValidCalendarDate(yearEnding))
    return { ok: false, message: `--year-ending must be a calendar date YYYY-MM-DD, got ${yearEnding}` };
  // The UTC date: never after England's, and what the seeder's recordedUntil check counts from.
  const today = now.toISOString().slice(0, 10);
  const latest = addDays(today, -SEED_RECORDING_DAYS);
  if (yearEnding > latest)
    return {
      ok: false,
      message:
        `--year-ending ${yearEnding} is too late: the latest is ${latest}, ${SEED_RECORDING_DAYS} days before today ` +
        `(${today}). Seeded entries are recorded up to 10 days after they happen, and nothing may be dated or ` +
        'recorded in the future (rule date-in-future, as the API refuses it); nothing was written',
    };
  const recent = addDays(yearEnding, LATEST_WRITE_UP_DAYS) >= today;
  return { ok: true, recordedUntil: recent ? now.toISOString() : undefined };
}
