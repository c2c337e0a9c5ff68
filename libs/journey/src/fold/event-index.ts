/** Keeps the record of every event id seen, with retracted/amended flags for corrections. */
import type { StoredJourneyEvent } from '../events';
import type { EventRecord } from '../state';

export function indexEvent(
  index: Record<string, EventRecord>,
  event: StoredJourneyEvent,
): Record<string, EventRecord> {
  const next: Record<string, EventRecord> = {
    ...index,
    [event.id]: {
      type: event.type,
      effectiveDate: event.data.effectiveDate,
      recordedAt: event.recordedAt,
      retracted: false,
      amended: false,
    },
  };
  if (event.type === 'EntryRetracted') {
    const target = next[event.data.retractedEventId];
    if (target) next[event.data.retractedEventId] = { ...target, retracted: true };
  }
  if (event.type === 'EntryAmended') {
    const target = next[event.data.correctedEventId];
    const newDate = event.data.amendedData['effectiveDate'];
    if (target) {
      next[event.data.correctedEventId] = {
        ...target,
        amended: true,
        ...(typeof newDate === 'string' && { effectiveDate: newDate }),
      };
    }
  }
  return next;
}
