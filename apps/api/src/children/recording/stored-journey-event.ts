import type { RecordedEvent } from '@care-journey/event-store';
import type { StoredJourneyEvent } from '@care-journey/journey';

/**
 * A stored event as the domain folds it. The journey stream holds only journey events (the API
 * is its only writer), so the type is trusted here rather than re-validated on every read.
 */
export const toStoredJourneyEvent = (recorded: RecordedEvent): StoredJourneyEvent =>
  ({
    type: recorded.type,
    data: recorded.data,
    id: recorded.id,
    recordedAt: recorded.metadata.recordedAt,
    recordedBy: recorded.metadata.recordedBy,
    revision: recorded.revision,
    globalPosition: recorded.globalPosition,
  }) as StoredJourneyEvent;
