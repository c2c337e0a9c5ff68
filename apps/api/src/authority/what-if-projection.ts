import type { CalendarDate } from '@care-journey/journey';
import { isAfterToday } from '../web/measures/not-after-today';

/**
 * The what-if is answered for a day after today too (apps/api/README.md, "Decision: dates after
 * today"): it is a plan, not a figure, and pricing a move at next year's unit costs is what a
 * commissioner asks it for. But the mix that day is not known: nothing is recorded after today, so
 * the placements held on the day are today's. The answer says so, as a drift report for a future
 * date does (web/drift/projection.ts), rather than pass for the mix of that day.
 */
export interface WhatIfProjection {
  /** Today in England: the last day whose placements are counted. */
  from: CalendarDate;
  assumes: string;
}

export const whatIfProjection = (date: CalendarDate, today: CalendarDate): WhatIfProjection | undefined =>
  isAfterToday(date, today)
    ? {
        from: today,
        assumes:
          `the placements held on ${today} carry on unchanged to ${date}: no one leaves care, moves or ` +
          `turns 18 in between; the unit costs are those in force on ${date}`,
      }
    : undefined;
