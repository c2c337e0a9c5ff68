/**
 * The date a child's view is evaluated as at, after each event: the latest of the previous
 * value, the event's effective date and the date it was recorded. The recording date is the
 * England date (Europe/London) of the recording instant, the API's own rule for "today": at 00:30
 * BST on 30 June it is 30 June, though the UTC date is still 29 June. It comes from the log
 * alone, so a rebuild gives the same dates; it never goes back, so a flag seen open stays seen.
 * Flags that open by the mere passage of time are therefore reported at the child's next event.
 */
import { dateInEngland, type CalendarDate, type StoredJourneyEvent } from '@care-journey/journey';

const later = (a: CalendarDate, b: CalendarDate): CalendarDate => (a > b ? a : b);

/**
 * The England date of a recording instant. England is UTC or one hour ahead, so an instant in UTC
 * before 23:00 has the same date there (no time-zone lookup, asked after every event).
 */
export function recordedOn(recordedAt: string): CalendarDate {
  if (
    recordedAt.length >= 20 &&
    recordedAt.endsWith('Z') &&
    recordedAt[10] === 'T' &&
    recordedAt.slice(11, 13) < '23'
  )
    return recordedAt.slice(0, 10);
  try {
    return dateInEngland(recordedAt);
  } catch {
    // Not an instant with a zone (the store writes none such): its written date, as before.
    return recordedAt.slice(0, 10);
  }
}

export function clockAfter(previous: CalendarDate | undefined, event: StoredJourneyEvent): CalendarDate {
  const effective = later(event.data.effectiveDate, recordedOn(event.recordedAt));
  return previous === undefined ? effective : later(previous, effective);
}

/** The clock after a whole stream (undefined when it is empty). */
export const clockOf = (events: readonly StoredJourneyEvent[]): CalendarDate | undefined =>
  events.reduce<CalendarDate | undefined>(clockAfter, undefined);
