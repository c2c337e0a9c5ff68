/**
 * Calendar dates in a child's life: 'YYYY-MM-DD' strings, no time zone.
 * Arithmetic goes through UTC midnight so daylight saving can never shift a day.
 */
import type { CalendarDate } from './events';

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
// An ISO 8601 instant with an explicit offset: a bare local time would depend on the server's zone.
const INSTANT_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const MS_PER_DAY = 86_400_000;

export interface DateParts {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Strict: the shape must be YYYY-MM-DD and the day must exist (2025-02-30 does not). */
export function isValidCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const m = DATE_SHAPE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Parses a calendar date, throwing a RangeError that quotes the bad value. */
export function parseCalendarDate(value: string): DateParts {
  if (!isValidCalendarDate(value)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${value}"`);
  const [year, month, day] = value.split('-').map(Number);
  return { year, month, day };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function formatCalendarDate({ year, month, day }: DateParts): CalendarDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const toEpochDay = (date: CalendarDate): number => {
  const { year, month, day } = parseCalendarDate(date);
  // setUTCFullYear, not Date.UTC: the latter reads years 0–99 as 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY);
};

const fromEpochDay = (epochDay: number): CalendarDate => {
  const d = new Date(epochDay * MS_PER_DAY);
  return formatCalendarDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
};

/** -1, 0 or 1. Valid dates compare correctly as strings; parsing first rejects junk. */
export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  parseCalendarDate(a);
  parseCalendarDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export const isBefore = (a: CalendarDate, b: CalendarDate): boolean => compareDates(a, b) < 0;
export const isAfter = (a: CalendarDate, b: CalendarDate): boolean => compareDates(a, b) > 0;
export const isOnOrBefore = (a: CalendarDate, b: CalendarDate): boolean => compareDates(a, b) <= 0;
export const isOnOrAfter = (a: CalendarDate, b: CalendarDate): boolean => compareDates(a, b) >= 0;
export const minDate = (a: CalendarDate, b: CalendarDate): CalendarDate => (isBefore(b, a) ? b : a);
export const maxDate = (a: CalendarDate, b: CalendarDate): CalendarDate => (isAfter(b, a) ? b : a);

export function addDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) throw new RangeError(`addDays needs a whole number of days, got ${days}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * Calendar months: 14 Jan + 3 = 14 Apr; when the day does not exist in the target month,
 * the month's last day (31 Jan + 1 = 28/29 Feb). Negative months go backwards the same way.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  if (!Number.isInteger(months))
    throw new RangeError(`addMonths needs a whole number of months, got ${months}`);
  const { year, month, day } = parseCalendarDate(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return formatCalendarDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** Whole days from `from` to `to` (negative when `to` is earlier). Same day = 0. */
export const daysBetween = (from: CalendarDate, to: CalendarDate): number =>
  toEpochDay(to) - toEpochDay(from);

/**
 * Completed years of age on `date`. Someone born on 29 February turns a year older on
 * 1 March in common years (the rule in England), which the month/day comparison gives.
 */
export function ageInYearsOn(dateOfBirth: CalendarDate, date: CalendarDate): number {
  const dob = parseCalendarDate(dateOfBirth);
  const on = parseCalendarDate(date);
  const hadBirthday = on.month > dob.month || (on.month === dob.month && on.day >= dob.day);
  return on.year - dob.year - (hadBirthday ? 0 : 1);
}

export function isValidInstant(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    INSTANT_SHAPE.test(value) &&
    !Number.isNaN(Date.parse(value)) &&
    instantFieldsExist(value)
  );
}

// Date.parse rolls 2025-02-30T… over to March; insist the written date exists.
const instantFieldsExist = (value: string): boolean => isValidCalendarDate(value.slice(0, 10));

/** The UTC calendar date of an ISO instant ('2025-03-30T23:30:00-01:00' → '2025-03-31'). */
export function dateOfInstant(isoInstant: string): CalendarDate {
  if (!isValidInstant(isoInstant))
    throw new RangeError(`Not an ISO instant with a zone offset: "${isoInstant}"`);
  return new Date(Date.parse(isoInstant)).toISOString().slice(0, 10);
}
