/**
 * An earlier permanence order (903 PrevPerm), as the family or the other authority knows it.
 * Its date may be only partly known: the 903 writes ZZ for an unknown day or month
 * (national-definitions §1.1, DATE_PERM), so the journey keeps `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
 */
import { daysInMonth, isValidCalendarDate } from './calendar-date';
import type { CalendarDate } from './events';

/** YYYY-MM-DD, YYYY-MM (day not known) or YYYY (day and month not known). */
export type OrderDateAsKnown = string;

const YEAR_MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;

export function isOrderDateAsKnown(value: unknown): value is OrderDateAsKnown {
  if (typeof value !== 'string') return false;
  if (isValidCalendarDate(value)) return true;
  const ym = YEAR_MONTH.exec(value);
  if (ym) return Number(ym[1]) >= 1 && Number(ym[2]) >= 1 && Number(ym[2]) <= 12;
  return YEAR.test(value) && Number(value) >= 1;
}

/** The first day the date could be. */
export function earliestDayOf(date: OrderDateAsKnown): CalendarDate {
  if (YEAR.test(date)) return `${date}-01-01`;
  if (YEAR_MONTH.test(date)) return `${date}-01`;
  return date;
}

/** The last day the date could be (the DfE validator reads ZZ the same way: rule 632). */
export function latestDayOf(date: OrderDateAsKnown): CalendarDate {
  if (YEAR.test(date)) return `${date}-12-31`;
  const ym = YEAR_MONTH.exec(date);
  if (ym) return `${date}-${String(daysInMonth(Number(ym[1]), Number(ym[2]))).padStart(2, '0')}`;
  return date;
}

export { isLaPermCode, LA_PERM_RULE } from './la-perm-codes';
