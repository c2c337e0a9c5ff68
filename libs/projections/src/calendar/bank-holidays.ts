/**
 * Bank holidays of England and Wales, from the `date-holidays` package (region GB-ENG).
 * Computed once per year and cached: working-day arithmetic asks for the same years repeatedly.
 * A council's extra days are added by its WorkingCalendar (working-days.ts), never here.
 */
import Holidays from 'date-holidays';
import type { CalendarDate } from '@care-journey/journey';

// Only public holidays are asked for: the library then skips working out observances (~25% of a
// year's cost, paid once per year per process); the filter below stays the definition.
const england = new Holidays('GB', 'ENG', { types: ['public'] });
const cache = new Map<number, ReadonlySet<CalendarDate>>();

/** The bank holidays (including substitute days) of one calendar year, as YYYY-MM-DD. */
export function bankHolidaysOf(year: number): ReadonlySet<CalendarDate> {
  let days = cache.get(year);
  if (!days) {
    // Only 'public' days close offices; 'observance' (e.g. Mother's Day) does not.
    days = new Set(
      england
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    cache.set(year, days);
  }
  return days;
}
