import type { NewEvent } from '@care-journey/event-store';
import type { StoredJourneyEvent } from '@care-journey/journey';

/** An envelope as the domain folds it (what read models and exports build from the log). */
export const toStored = (event: NewEvent): StoredJourneyEvent =>
  ({
    type: event.type,
    data: event.data,
    id: event.id,
    recordedAt: event.metadata.recordedAt,
    recordedBy: event.metadata.recordedBy,
  }) as StoredJourneyEvent;
