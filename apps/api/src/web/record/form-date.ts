/**
 * Dates typed into the record forms. A worker in England types 24/11/2026 (or 24-11-2026, or
 * 2026-11-5); the forms turn those into the API's YYYY-MM-DD before validation, so the API's JSON
 * stays strict and judges the date itself (2026-02-30 is still "not a real calendar date"). Anything
 * else is sent as typed, and a refusal then says how to write a date rather than blaming the date.
 */
const DAY_MONTH_YEAR = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/;
const YEAR_MONTH_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const iso = (year: string, month: string, day: string): string =>
  `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;

export function normaliseFormDate(typed: string): string {
  const dmy = DAY_MONTH_YEAR.exec(typed);
  if (dmy) return iso(dmy[3], dmy[2], dmy[1]);
  const ymd = YEAR_MONTH_DAY.exec(typed);
  return ymd ? iso(ymd[1], ymd[2], ymd[3]) : typed;
}

/** Written as a date (digits in the YYYY-MM-DD places), whether or not the date exists. */
export const isWrittenAsDate = (value: unknown): boolean => typeof value === 'string' && ISO_DATE.test(value);

/** The API names the field first; the form puts its label there. */
export const dateFormatMessage = (field: string): string =>
  `${field}: enter the date as 2026-11-24 (year-month-day)`;
