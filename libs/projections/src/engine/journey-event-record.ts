/** Turning a recorded event from the log into what the journey summary folds (JSON-safe). */
import { fromStoredEnvelope, JOURNEY_STREAM_PREFIX, type StoredJourneyEvent } from '@care-journey/journey';
import type { RecordedEvent } from '@care-journey/event-store';

/** The child a log event belongs to, or undefined for streams that are not journeys. */
export const childIdOf = (event: RecordedEvent): string | undefined =>
  event.streamId.startsWith(JOURNEY_STREAM_PREFIX)
    ? event.streamId.slice(JOURNEY_STREAM_PREFIX.length)
    : undefined;

/** Positions and revisions stay out: they are bigint and the read model keeps them in columns. */
export const toStoredJourneyEvent = (event: RecordedEvent): StoredJourneyEvent =>
  fromStoredEnvelope(event, { positions: false });
