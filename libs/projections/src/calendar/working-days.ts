/**
 * Working days: Monday to Friday less the bank holidays of England and Wales (rule book, "Time").
 */
import { addDays, parseCalendarDate, type CalendarDate } from '@care-journey/journey';
import { isBankHoliday } from './bank-holidays';

export function isWorkingDay(date: CalendarDate): boolean {
  const { year, month, day } = parseCalendarDate(date);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isBankHoliday(date);
}

/**
 * The date `count` working days after `date` (the start day itself is day 0, whatever it is):
 * 20 working days after a Monday start is the Monday four weeks on, when no holiday intervenes.
 */
export function addWorkingDays(date: CalendarDate, count: number): CalendarDate {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`addWorkingDays needs a whole number of days >= 0, got ${count}`);
  }
  let current = date;
  for (let left = count; left > 0;) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) left -= 1;
  }
  return current;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: CalendarDate, to: CalendarDate): number {
  let count = 0;
  for (let current = addDays(from, 1); current <= to; current = addDays(current, 1)) {
    if (isWorkingDay(current)) count += 1;
  }
  return count;
}
