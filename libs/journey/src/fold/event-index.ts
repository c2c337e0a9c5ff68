/** Keeps the record of every event id seen, with retracted/amended flags for corrections. */
import type { StoredJourneyEvent } from '../events';
import type { EventRecord } from '../state';

/** The record an event gets under its own id. */
export const recordOf = (event: StoredJourneyEvent): EventRecord => ({
  type: event.type,
  effectiveDate: event.data.effectiveDate,
  recordedAt: event.recordedAt,
  retracted: false,
  amended: false,
});

/** The id a correction changes the record of, and the changed record; undefined for other events. */
export function correctedRecord(
  event: StoredJourneyEvent,
  lookup: (id: string) => EventRecord | undefined,
): [string, EventRecord] | undefined {
  if (event.type === 'EntryRetracted' || event.type === 'RegistrationRetracted') {
    const id = event.data.retractedEventId;
    const target = lookup(id);
    return target && [id, { ...target, retracted: true }];
  }
  if (event.type === 'EntryAmended') {
    const id = event.data.correctedEventId;
    const target = lookup(id);
    const newDate = event.data.amendedData['effectiveDate'];
    return (
      target && [
        id,
        { ...target, amended: true, ...(typeof newDate === 'string' && { effectiveDate: newDate }) },
      ]
    );
  }
  return undefined;
}

/** The index with one more event (a copy: the index given is left as it was). */
export function indexEvent(
  index: Record<string, EventRecord>,
  event: StoredJourneyEvent,
): Record<string, EventRecord> {
  const next: Record<string, EventRecord> = { ...index, [event.id]: recordOf(event) };
  const corrected = correctedRecord(event, (id) => next[id]);
  if (corrected) next[corrected[0]] = corrected[1];
  return next;
}
