import type { CalendarDate } from '@care-journey/journey';
import { formatDate } from '../html/format';

/**
 * A year (or period, or date) that has not ended yet has no figures: its later months are still to
 * come, so ST1 would look low and the scorecard would "meet" thresholds for days not lived. The
 * measures pages and their API routes refuse one, by this rule, against today in England.
 */
export const NOT_AFTER_TODAY_RULE = 'notAfterToday';

export const isAfterToday = (date: CalendarDate, today: CalendarDate): boolean => date > today;

/** For a 400: "yearEnding must not be after today (2026-11-27, in England): …". */
export const notAfterTodayMessage = (field: string, date: CalendarDate, today: CalendarDate): string =>
  `${field} must not be after today (${today}, in England): the figures to ${date} are not known until that day has passed`;

/** One refusal: the field, the rule and the message, as a 400 lists it (http/field-errors.ts FieldError). */
export interface NotAfterTodayError {
  field: string;
  rule: typeof NOT_AFTER_TODAY_RULE;
  message: string;
}

/**
 * The one check every surface makes (the measures API routes, the CLI): `date` is the last day
 * `field` asks figures for (a month given as `to` ends on its last day); after today it is refused.
 */
export function notAfterToday(
  field: string,
  date: CalendarDate | undefined,
  today: CalendarDate,
): NotAfterTodayError | undefined {
  if (date === undefined || !isAfterToday(date, today)) return undefined;
  return { field, rule: NOT_AFTER_TODAY_RULE, message: notAfterTodayMessage(field, date, today) };
}

/** For a page: "Year ending must not be after today, 27 November 2026: the year to 31 March 2027 has not ended yet". */
export const yearNotEndedText = (label: string, yearEnding: CalendarDate, today: CalendarDate): string =>
  `${label} must not be after today, ${formatDate(today)}: the year to ${formatDate(yearEnding)} has not ended yet, so its figures are not known`;

/** The months of a series that have ended by today: a month still running, or to come, is left out. */
export const endedMonths = <Row extends { to: CalendarDate }>(
  rows: readonly Row[],
  today: CalendarDate,
): Row[] => rows.filter((row) => !isAfterToday(row.to, today));
