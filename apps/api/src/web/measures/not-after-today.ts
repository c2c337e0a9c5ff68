import type { CalendarDate } from '@care-journey/journey';
import { formatDate } from '../html/format';

/**
 * No figures for a period that has not ended yet: the rule and its API wording are libs/projections'
 * (measure-dates.ts), shared with the CLI; the page's wording is here.
 */
export {
  endedMonths,
  isAfterToday,
  NOT_AFTER_TODAY_RULE,
  notAfterToday,
  notAfterTodayMessage,
  type NotAfterTodayError,
} from '@care-journey/projections';

/** For a page: "Year ending must not be after today, 27 November 2026: the year to 31 March 2027 has not ended yet". */
export const yearNotEndedText = (label: string, yearEnding: CalendarDate, today: CalendarDate): string =>
  `${label} must not be after today, ${formatDate(today)}: the year to ${formatDate(yearEnding)} has not ended yet, so its figures are not known`;
