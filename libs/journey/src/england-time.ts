/**
 * Instants and the calendar in England. A child's dates are English calendar dates, so "today"
 * for a recording instant is its date in Europe/London, not in UTC: from 00:00 to 01:00 BST the
 * UTC date is still yesterday. Pure: Intl's time-zone data, no I/O, no clock.
 */
import { addDays, isValidCalendarDate, isValidInstant, parseCalendarDate } from './calendar-date';
import type { CalendarDate } from './events';

const ENGLAND = 'Europe/London';
const MS_PER_MINUTE = 60_000;

// One formatter for the process: building one costs far more than using it.
const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: ENGLAND,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Minutes England is ahead of UTC at an instant: 0 (GMT) or 60 (BST). */
function offsetMinutesAt(epochMs: number): number {
  const part: Record<string, string> = {};
  for (const { type, value } of wallClock.formatToParts(epochMs)) part[type] = value;
  const asIfUtc = Date.UTC(
    Number(part.year),
    Number(part.month) - 1,
    Number(part.day),
    Number(part.hour),
    Number(part.minute),
  );
  const wholeMinute = Math.floor(epochMs / MS_PER_MINUTE) * MS_PER_MINUTE;
  return (asIfUtc - wholeMinute) / MS_PER_MINUTE;
}

/** The England day of the last instant asked, as a span of epoch milliseconds. */
let lastDay: { from: number; to: number; date: CalendarDate } | undefined;

/** When each calendar date begins in England (epoch ms), kept: at most one Intl call per date. */
const dayStarts = new Map<CalendarDate, number>();
const KEEP_DAY_STARTS = 8_192;

/**
 * The calendar date in England of an ISO instant ('2026-07-01T23:30:00Z' → '2026-07-02', BST).
 * England is UTC or one hour ahead, so the date is the UTC date or the day after: whichever began
 * last by the instant. Each date's start is worked out once (Intl, ~2 µs) and kept, so a run of
 * commands recorded on many different days (seeding, the bench's cohort) costs two look-ups each.
 */
export function dateInEngland(isoInstant: string): CalendarDate {
  if (!isValidInstant(isoInstant))
    throw new RangeError(`Not an ISO instant with a zone offset: "${isoInstant}"`);
  const epochMs = Date.parse(isoInstant);
  // Most callers ask about the day they asked about last (a command's own recording instant).
  if (lastDay !== undefined && epochMs >= lastDay.from && epochMs < lastDay.to) return lastDay.date;
  const utcDate = new Date(epochMs).toISOString().slice(0, 10);
  const next = addDays(utcDate, 1);
  const nextStart = startOfDateInEngland(next);
  const date = epochMs >= nextStart ? next : utcDate;
  lastDay =
    date === next
      ? { from: nextStart, to: startOfDateInEngland(addDays(next, 1)), date }
      : { from: startOfDateInEngland(utcDate), to: nextStart, date };
  return date;
}

/**
 * The instant a calendar date begins in England, as epoch milliseconds. Clocks change at 01:00 UTC,
 * never between 23:00 and 00:00 UTC, so the offset at UTC midnight is the one at English midnight.
 */
function startOfDateInEngland(date: CalendarDate): number {
  const kept = dayStarts.get(date);
  if (kept !== undefined) return kept;
  const { year, month, day } = parseCalendarDate(date);
  const utcMidnight = Date.UTC(year, month - 1, day);
  const start = utcMidnight - offsetMinutesAt(utcMidnight) * MS_PER_MINUTE;
  if (dayStarts.size >= KEEP_DAY_STARTS) dayStarts.clear();
  dayStarts.set(date, start);
  return start;
}

/**
 * The last millisecond of a calendar date in England, as a UTC ISO instant: "known at 1 July 2023"
 * means recorded by 23:59:59.999 BST, which is 22:59:59.999Z. Days are 23 or 25 hours long on the
 * days the clocks change.
 */
export function endOfDateInEngland(date: CalendarDate): string {
  if (!isValidCalendarDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}"`);
  return new Date(startOfDateInEngland(addDays(date, 1)) - 1).toISOString();
}

/**
 * Kept for the callers that still use the old name: every one of them meant "the date this happened
 * on" for someone in England. New code calls dateInEngland.
 * @deprecated use dateInEngland
 */
export const dateOfInstant = dateInEngland;
