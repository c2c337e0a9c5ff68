/**
 * Working days: Monday to Friday less the bank holidays of England and Wales (rule book, "Time"),
 * and less the extra days a council closes on (DriftConfig.extraBankHolidays: a one-off day declared
 * before a release of `date-holidays` has it; docs/drift-rules.md, "Bank holidays"). Counted on
 * whole UTC days (epoch days) rather than date strings: a drift report computes a working-day
 * deadline for every child, so this is on the hot path.
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

// 1 January 1970 (epoch day 0) was a Thursday.
const weekdayOf = (epochDay: number): number => (((epochDay + 4) % 7) + 7) % 7;

/** Saturday or Sunday. */
export const isWeekend = (date: CalendarDate): boolean => {
  const weekday = weekdayOf(toEpochDay(date));
  return weekday === 0 || weekday === 6;
};

const MEMO_LIMIT = 100_000;

/** England's bank holidays plus a council's extra days: the one calendar the rules and pages count with. */
export class WorkingCalendar {
  private readonly holidayDays = new Map<number, ReadonlySet<number>>();
  // Per count, then per start date: no key string built per call (the feed asks after most events).
  private readonly memo = new Map<number, Map<CalendarDate, CalendarDate>>();
  private memoSize = 0;

  /** `extraBankHolidays`: checked by the drift settings (drift-config.ts), sorted, no weekend or repeat. */
  constructor(readonly extraBankHolidays: readonly CalendarDate[]) {}

  private holidaysAsEpochDays(year: number): ReadonlySet<number> {
    let days = this.holidayDays.get(year);
    if (!days) {
      const extra = this.extraBankHolidays.filter((date) => date.startsWith(`${year}-`));
      days = new Set([...bankHolidaysOf(year), ...extra].map(toEpochDay));
      this.holidayDays.set(year, days);
    }
    return days;
  }

  private isWorkingEpochDay(epochDay: number): boolean {
    const weekday = weekdayOf(epochDay);
    return weekday !== 0 && weekday !== 6 && !this.holidaysAsEpochDays(yearOf(epochDay)).has(epochDay);
  }

  /** A bank holiday of England (the library's list) or one of the council's extra days. */
  isBankHoliday(date: CalendarDate): boolean {
    const epochDay = toEpochDay(date);
    return this.holidaysAsEpochDays(yearOf(epochDay)).has(epochDay);
  }

  isWorkingDay(date: CalendarDate): boolean {
    return this.isWorkingEpochDay(toEpochDay(date));
  }

  /**
   * The date `count` working days after `date` (the start day itself is day 0, whatever it is):
   * 20 working days after a Monday start is the Monday four weeks on, when no holiday intervenes.
   */
  addWorkingDays(date: CalendarDate, count: number): CalendarDate {
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`addWorkingDays needs a whole number of days >= 0, got ${count}`);
    }
    let byDate = this.memo.get(count);
    if (byDate === undefined) this.memo.set(count, (byDate = new Map()));
    const known = byDate.get(date);
    if (known !== undefined) return known;
    let day = toEpochDay(date);
    for (let left = count; left > 0;) {
      day += 1;
      if (this.isWorkingEpochDay(day)) left -= 1;
    }
    const result = fromEpochDay(day);
    if (this.memoSize > MEMO_LIMIT) {
      for (const dates of this.memo.values()) dates.clear();
      this.memoSize = 0;
    }
    byDate.set(date, result);
    this.memoSize += 1;
    return result;
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  workingDaysBetween(from: CalendarDate, to: CalendarDate): number {
    let count = 0;
    const last = toEpochDay(to);
    for (let day = toEpochDay(from) + 1; day <= last; day++) if (this.isWorkingEpochDay(day)) count += 1;
    return count;
  }
}

/** England's bank holidays alone: the calendar of every configuration that adds no day. */
export const ENGLAND_CALENDAR = new WorkingCalendar([]);

// One calendar per list, so its kept results serve every rule and page that counts with that list:
// by the list itself (a configuration's, looked up on every evaluation), then by its days.
const byList = new WeakMap<readonly CalendarDate[], WorkingCalendar>();
const byDays = new Map<string, WorkingCalendar>();

/** The calendar for a council's extra bank holidays (DriftConfig.extraBankHolidays; none: England's). */
export function workingCalendar(extraBankHolidays: readonly CalendarDate[]): WorkingCalendar {
  if (extraBankHolidays.length === 0) return ENGLAND_CALENDAR;
  let calendar = byList.get(extraBankHolidays);
  if (calendar === undefined) {
    const days = extraBankHolidays.join(',');
    calendar = byDays.get(days) ?? new WorkingCalendar([...extraBankHolidays]);
    byDays.set(days, calendar);
    byList.set(extraBankHolidays, calendar);
  }
  return calendar;
}
