/**
 * Working days: Monday to Friday less the bank holidays of England and Wales (rule book, "Time").
 * Counted on whole UTC days (epoch days) rather than date strings: a drift report computes a
 * working-day deadline for every child, so this is on the hot path.
 */
import { parseCalendarDate, type CalendarDate } from '@care-journey/journey';
import { bankHolidaysOf } from './bank-holidays';

const MS_PER_DAY = 86_400_000;

const toEpochDay = (date: CalendarDate): number => {
  const { year, month, day } = parseCalendarDate(date);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY);
};

const fromEpochDay = (epochDay: number): CalendarDate =>
  new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);

const yearOf = (epochDay: number): number => new Date(epochDay * MS_PER_DAY).getUTCFullYear();

const holidayDays = new Map<number, ReadonlySet<number>>();
function holidaysAsEpochDays(year: number): ReadonlySet<number> {
  let days = holidayDays.get(year);
  if (!days) {
    days = new Set([...bankHolidaysOf(year)].map(toEpochDay));
    holidayDays.set(year, days);
  }
  return days;
}

// 1 January 1970 (epoch day 0) was a Thursday.
const weekdayOf = (epochDay: number): number => (((epochDay + 4) % 7) + 7) % 7;

function isWorkingEpochDay(epochDay: number): boolean {
  const weekday = weekdayOf(epochDay);
  return weekday !== 0 && weekday !== 6 && !holidaysAsEpochDays(yearOf(epochDay)).has(epochDay);
}

export const isWorkingDay = (date: CalendarDate): boolean => isWorkingEpochDay(toEpochDay(date));

// Per count, then per start date: no key string built per call (the feed asks after most events).
const memo = new Map<number, Map<CalendarDate, CalendarDate>>();
let memoSize = 0;

/**
 * The date `count` working days after `date` (the start day itself is day 0, whatever it is):
 * 20 working days after a Monday start is the Monday four weeks on, when no holiday intervenes.
 */
export function addWorkingDays(date: CalendarDate, count: number): CalendarDate {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`addWorkingDays needs a whole number of days >= 0, got ${count}`);
  }
  let byDate = memo.get(count);
  if (byDate === undefined) memo.set(count, (byDate = new Map()));
  const known = byDate.get(date);
  if (known !== undefined) return known;
  let day = toEpochDay(date);
  for (let left = count; left > 0;) {
    day += 1;
    if (isWorkingEpochDay(day)) left -= 1;
  }
  const result = fromEpochDay(day);
  if (memoSize > 100_000) {
    for (const dates of memo.values()) dates.clear();
    memoSize = 0;
  }
  byDate.set(date, result);
  memoSize += 1;
  return result;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: CalendarDate, to: CalendarDate): number {
  let count = 0;
  const last = toEpochDay(to);
  for (let day = toEpochDay(from) + 1; day <= last; day++) if (isWorkingEpochDay(day)) count += 1;
  return count;
}
