/**
 * The date a child's view is evaluated as at, after each event: the latest of the previous
 * value, the event's effective date and the (UTC) date it was recorded. It comes from the log
 * alone, so a rebuild gives the same dates; it never goes back, so a flag seen open stays seen.
 * Flags that open by the mere passage of time are therefore reported at the child's next event.
 */
import type { CalendarDate, StoredJourneyEvent } from '@care-journey/journey';

const later = (a: CalendarDate, b: CalendarDate): CalendarDate => (a > b ? a : b);

export function clockAfter(previous: CalendarDate | undefined, event: StoredJourneyEvent): CalendarDate {
  const recorded = event.recordedAt.slice(0, 10);
  const effective = later(event.data.effectiveDate, recorded);
  return previous === undefined ? effective : later(previous, effective);
}

/** The clock after a whole stream (undefined when it is empty). */
export const clockOf = (events: readonly StoredJourneyEvent[]): CalendarDate | undefined =>
  events.reduce<CalendarDate | undefined>(clockAfter, undefined);
