/**
 * Calendar dates in a child's life: 'YYYY-MM-DD' strings, no time zone.
 * Arithmetic goes through UTC midnight so daylight saving can never shift a day.
 */
import type { CalendarDate } from './events';

// An ISO 8601 instant with an explicit offset: a bare local time would depend on the server's zone.
const INSTANT_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export interface DateParts {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  // Not `[4, 6, 9, 11].includes(month)`: that made an array on every date read (#9).
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const digitAt = (value: string, i: number): number => {
  const d = value.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
};

/**
 * YYYY-MM-DD read by character codes, NaN for any part when the shape is wrong: the folds, rules
 * and drift report read dates millions of times, and a regex plus split per read dominated them.
 */
function partsOrNaN(value: string): DateParts {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45)
    return { year: NaN, month: NaN, day: NaN };
  return {
    year: digitAt(value, 0) * 1000 + digitAt(value, 1) * 100 + digitAt(value, 2) * 10 + digitAt(value, 3),
    month: digitAt(value, 5) * 10 + digitAt(value, 6),
    day: digitAt(value, 8) * 10 + digitAt(value, 9),
  };
}

// NaN fails every comparison, so a malformed part is rejected here too.
const partsExist = ({ year, month, day }: DateParts): boolean =>
  year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

/** Strict: the shape must be YYYY-MM-DD and the day must exist (2025-02-30 does not). */
export function isValidCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === 'string' && partsExist(partsOrNaN(value));
}

/** Parses a calendar date, throwing a RangeError that quotes the bad value. */
export function parseCalendarDate(value: string): DateParts {
  const parts = typeof value === 'string' ? partsOrNaN(value) : undefined;
  if (parts === undefined || !partsExist(parts))
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${value}"`);
  return parts;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function formatCalendarDate({ year, month, day }: DateParts): CalendarDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

// Days since 1970-01-01 in the proleptic Gregorian calendar, by integer arithmetic (H. Hinnant's
// days-from-civil): no Date object, and years below 100 are what they say.
const toEpochDay = (date: CalendarDate): number => {
  const { year, month, day } = parseCalendarDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
};

// The inverse (civil-from-days).
const fromEpochDay = (epochDay: number): CalendarDate => {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return formatCalendarDate({ year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day });
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

/**
 * The last instant found valid. Every command checks its recording instant (`now`), and a batch of
 * commands (an import, a seeded journey) records them all at one instant: the regex and Date.parse
 * were ~2 µs per command, for the same answer. A pure function of a string, so remembering one
 * answer changes nothing else. (Its date in England: dateInEngland, england-time.ts.)
 */
let lastValidInstant: string | undefined;

export function isValidInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (value === lastValidInstant) return true;
  const valid = INSTANT_SHAPE.test(value) && !Number.isNaN(Date.parse(value)) && instantFieldsExist(value);
  if (valid) lastValidInstant = value;
  return valid;
}

// Date.parse rolls 2025-02-30T… over to March; insist the written date exists.
const instantFieldsExist = (value: string): boolean => isValidCalendarDate(value.slice(0, 10));
