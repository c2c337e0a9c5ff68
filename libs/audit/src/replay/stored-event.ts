import { fromStoredEnvelope, type StoredJourneyEvent } from '@care-journey/journey';
import type { RecordedEvent } from '../store';

/** A stored journey event as the domain sees it (the domain's one mapping, positions included). */
export const toStoredJourneyEvent = (event: RecordedEvent): StoredJourneyEvent => fromStoredEnvelope(event);
