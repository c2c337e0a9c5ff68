import type { StoredJourneyEvent } from '@care-journey/journey';
import type { RecordedEvent } from '../store';

/** A stored journey event as the domain sees it: type and data, plus who recorded it and when. */
export function toStoredJourneyEvent(event: RecordedEvent): StoredJourneyEvent {
  return {
    type: event.type,
    data: event.data,
    id: event.id,
    recordedAt: event.metadata.recordedAt,
    recordedBy: event.metadata.recordedBy,
    revision: event.revision,
    globalPosition: event.globalPosition,
  } as StoredJourneyEvent;
}
