import type { RecordedEvent } from '@care-journey/event-store';
import { fromStoredEnvelope, type StoredJourneyEvent } from '@care-journey/journey';

/** A stored event as the domain folds it (the domain's one mapping, positions included). */
export const toStoredJourneyEvent = (recorded: RecordedEvent): StoredJourneyEvent =>
  fromStoredEnvelope(recorded);
