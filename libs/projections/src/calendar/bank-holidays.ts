/**
 * Bank holidays of England and Wales, from the `date-holidays` package (region GB-ENG).
 * Years 2000–2050 are read from its output written out (bank-holidays.data.ts, checked against
 * the package by the spec); other years are computed once and cached: working-day arithmetic asks
 * for the same years repeatedly.
 */
import Holidays from 'date-holidays';
import type { CalendarDate } from '@care-journey/journey';
import { BANK_HOLIDAYS_BY_YEAR, FIRST_LISTED_YEAR, LAST_LISTED_YEAR } from './bank-holidays.data';

let england: Holidays | undefined;
const cache = new Map<number, ReadonlySet<CalendarDate>>();

/** The package's answer for one year (the listed years are this, written out). */
export function computedBankHolidaysOf(year: number): ReadonlySet<CalendarDate> {
  england ??= new Holidays('GB', 'ENG');
  // Only 'public' days close offices; 'observance' (e.g. Mother's Day) does not.
  return new Set(
    england
      .getHolidays(year)
      .filter((holiday) => holiday.type === 'public')
      .map((holiday) => holiday.date.slice(0, 10)),
  );
}

/** The bank holidays (including substitute days) of one calendar year, as YYYY-MM-DD. */
export function bankHolidaysOf(year: number): ReadonlySet<CalendarDate> {
  let days = cache.get(year);
  if (!days) {
    const listed =
      year >= FIRST_LISTED_YEAR && year <= LAST_LISTED_YEAR ? BANK_HOLIDAYS_BY_YEAR[year] : undefined;
    days = listed ? new Set(listed.map((monthDay) => `${year}-${monthDay}`)) : computedBankHolidaysOf(year);
    cache.set(year, days);
  }
  return days;
}

export const isBankHoliday = (date: CalendarDate): boolean =>
  bankHolidaysOf(Number(date.slice(0, 4))).has(date);
