/** A 903 collection year: 1 April to 31 March. */
import { addDays, addMonths, type CalendarDate } from '@care-journey/journey';

export interface CollectionYear {
  start: CalendarDate;
  end: CalendarDate;
}

export function collectionYear(yearEnding: CalendarDate): CollectionYear {
  if (!/^\d{4}-03-31$/.test(yearEnding))
    throw new RangeError(`yearEnding must be a 31 March (YYYY-03-31), got ${yearEnding}`);
  return { start: addDays(addMonths(yearEnding, -12), 1), end: yearEnding };
}

/** An interval [from, to] (to open = still going) touches the year. */
export const overlapsYear = (
  year: CollectionYear,
  from: CalendarDate,
  to: CalendarDate | undefined,
): boolean => from <= year.end && (to === undefined || to >= year.start);
