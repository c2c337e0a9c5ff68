/** Calendar months of a series: "2024-03" or any date in the month; whole months, oldest first. */
import { daysInMonth, isValidCalendarDate, type CalendarDate } from '@care-journey/journey';

export interface MonthWindow {
  /** YYYY-MM */
  month: string;
  from: CalendarDate;
  to: CalendarDate;
}

export class MonthRangeError extends Error {
  override readonly name = 'MonthRangeError';
  constructor(
    readonly field: string,
    rule: string,
  ) {
    super(`${field}: ${rule}`);
  }
}

/** Longest series served in one go (50 years of months). */
export const MAX_MONTHS = 600;

function monthIndex(value: string, field: string): number {
  const month = /^\d{4}-\d{2}$/.test(value) ? `${value}-01` : value;
  if (!isValidCalendarDate(month))
    throw new MonthRangeError(field, `must be a month (YYYY-MM) or a date (YYYY-MM-DD), got "${value}"`);
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthWindowOf(index: number): MonthWindow {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const ym = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  return { month: ym, from: `${ym}-01`, to: `${ym}-${String(daysInMonth(year, month)).padStart(2, '0')}` };
}

export function monthWindows(from: string, to: string): MonthWindow[] {
  const first = monthIndex(from, 'from');
  const last = monthIndex(to, 'to');
  if (last < first) throw new MonthRangeError('to', `must not be before from (${from})`);
  if (last - first + 1 > MAX_MONTHS)
    throw new MonthRangeError('to', `a series is at most ${MAX_MONTHS} months`);
  return Array.from({ length: last - first + 1 }, (_, i) => monthWindowOf(first + i));
}

/** The month containing a date, from its first day up to the date (month to date). */
export function monthToDate(date: CalendarDate): MonthWindow {
  const window = monthWindowOf(monthIndex(date, 'date'));
  return { ...window, to: date };
}

/** A window of days for the children behind a figure: from on or before to, at most 50 years. */
export function dayWindow(from: CalendarDate, to: CalendarDate): { from: CalendarDate; to: CalendarDate } {
  if (!isValidCalendarDate(from))
    throw new MonthRangeError('from', `must be a date (YYYY-MM-DD), got "${from}"`);
  if (!isValidCalendarDate(to)) throw new MonthRangeError('to', `must be a date (YYYY-MM-DD), got "${to}"`);
  if (to < from) throw new MonthRangeError('to', `must not be before from (${from})`);
  monthWindows(from, to); // the same length limit as a series
  return { from, to };
}
