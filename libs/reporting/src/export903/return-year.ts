/**
 * Whether a 903 return can be made for a year yet: a year that has not begun has no return (its
 * "children looked after" would be today's children projected forward: an 18-year-old counted at
 * 27); a year still running gives a return of what is known so far, not the one to submit.
 */
import type { CalendarDate } from '@care-journey/journey';
import { collectionYear } from './collection-year';

export type ReturnYearStatus = 'complete' | 'in-progress' | 'not-begun';

export function returnYearStatus(yearEnding: CalendarDate, today: CalendarDate): ReturnYearStatus {
  const year = collectionYear(yearEnding);
  if (today < year.start) return 'not-begun';
  return today <= year.end ? 'in-progress' : 'complete';
}

export const notBegunMessage = (yearEnding: CalendarDate, today: CalendarDate): string =>
  `yearEnding ${yearEnding}: the collection year begins on ${collectionYear(yearEnding).start}, after today (${today}); a return can only be made for a year that has begun`;

export const inProgressWarning = (yearEnding: CalendarDate, today: CalendarDate): string =>
  `the collection year ending ${yearEnding} is still running (today is ${today}): this return holds what is recorded so far and is not the complete return`;
