import type { CalendarDate } from '@care-journey/journey';
import { formatDate } from '../html/format';

/**
 * A drift report as at a date after today (in England) is a projection, not a fact: the flags that
 * would be open then if nothing else is recorded from today. It is useful (the agenda for a panel
 * next month) so it is answered, but every surface says so: the page, its CSV's file name, and the
 * API's `projection` (apps/api/README.md).
 */
export const isProjection = (asAt: CalendarDate, today: CalendarDate): boolean => asAt > today;

/** What the API adds to a report for a future date. */
export interface DriftProjection {
  /** Today in England: the last day anything recorded is counted. */
  from: CalendarDate;
  assumes: string;
}

export const driftProjection = (asAt: CalendarDate, today: CalendarDate): DriftProjection | undefined =>
  isProjection(asAt, today)
    ? {
        from: today,
        assumes: `nothing else is recorded after ${today}: a step taken by ${asAt} closes its flag`,
      }
    : undefined;

/** The page's words for it. */
export const projectionText = (asAt: CalendarDate, today: CalendarDate): string =>
  `This is a projection. ${formatDate(asAt)} is after today, ${formatDate(today)}: these are the flags that would be open then if nothing else is recorded. Any step recorded before then closes its flag.`;

/** A CSV's file name says it is a projection too: the file travels without the page. */
export const csvName = (prefix: string, asAt: CalendarDate, today: CalendarDate): string =>
  `${prefix}${isProjection(asAt, today) ? '-projection' : ''}-${asAt}`;
