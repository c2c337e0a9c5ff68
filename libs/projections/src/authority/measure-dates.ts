/**
 * The dates the measures take (the API's routes and pages, `care-journey measures`): a month
 * (`YYYY-MM`) or a day for `from` and `to`, and no period that has not ended yet. One rule for
 * every surface, so it lives here rather than in an app.
 */
import { daysInMonth, isValidCalendarDate, type CalendarDate } from '@care-journey/journey';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A month means the whole month: as `from` its first day, as `to` its last day. */
export const isMonthOrCalendarDate = (value: unknown): value is string =>
  typeof value === 'string' && (MONTH.test(value) || isValidCalendarDate(value));

/** `from`: a month starts on its first day; a date is itself. */
export const firstDayOf = (value: string): CalendarDate => (MONTH.test(value) ? `${value}-01` : value);

/** `to`: a month ends on its last day; a date is itself. */
export function lastDayOf(value: string): CalendarDate {
  if (!MONTH.test(value)) return value;
  const last = daysInMonth(Number(value.slice(0, 4)), Number(value.slice(5, 7)));
  return `${value}-${String(last).padStart(2, '0')}`;
}

/**
 * A year (or period, or date) that has not ended yet has no figures: its later months are still to
 * come, so ST1 would look low and the scorecard would "meet" thresholds for days not lived. The
 * measures pages, their API routes and the CLI refuse one, by this rule, against today in England.
 */
export const NOT_AFTER_TODAY_RULE = 'notAfterToday';

export const isAfterToday = (date: CalendarDate, today: CalendarDate): boolean => date > today;

/** For a 400: "yearEnding must not be after today (2026-11-27, in England): …". */
export const notAfterTodayMessage = (field: string, date: CalendarDate, today: CalendarDate): string =>
  `${field} must not be after today (${today}, in England): the figures to ${date} are not known until that day has passed`;

/** One refusal: the field, the rule and the message, as a 400 lists it. */
export interface NotAfterTodayError {
  field: string;
  rule: typeof NOT_AFTER_TODAY_RULE;
  message: string;
}

/**
 * The one check every surface makes: `date` is the last day `field` asks figures for (a month given
 * as `to` ends on its last day); after today it is refused.
 */
export function notAfterToday(
  field: string,
  date: CalendarDate | undefined,
  today: CalendarDate,
): NotAfterTodayError | undefined {
  if (date === undefined || !isAfterToday(date, today)) return undefined;
  return { field, rule: NOT_AFTER_TODAY_RULE, message: notAfterTodayMessage(field, date, today) };
}

/** The months of a series that have ended by today: a month still running, or to come, is left out. */
export const endedMonths = <Row extends { to: CalendarDate }>(
  rows: readonly Row[],
  today: CalendarDate,
): Row[] => rows.filter((row) => !isAfterToday(row.to, today));
