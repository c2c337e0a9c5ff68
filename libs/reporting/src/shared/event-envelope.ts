/**
 * A domain event as a stored envelope: the same shape the API's EventEnvelopeFactory writes
 * (recordedAt = the command's `now`, recordedBy, schemaVersion), so seeded and imported journeys
 * read back exactly like recorded ones. Ids are passed in: callers here need deterministic ones.
 */
import type { NewEvent } from '@care-journey/event-store';
import { JOURNEY_SCHEMA_VERSION, type JourneyEvent } from '@care-journey/journey';

export interface EnvelopeContext {
  now: string;
  recordedBy: string;
  correlationId?: string;
  causationId?: string;
}

export function envelopeFor(event: JourneyEvent, id: string, context: EnvelopeContext): NewEvent {
  return {
    id,
    type: event.type,
    data: structuredClone(event.data) as unknown as Record<string, unknown>,
    metadata: {
      recordedAt: context.now,
      recordedBy: context.recordedBy,
      ...(context.correlationId !== undefined && { correlationId: context.correlationId }),
      ...(context.causationId !== undefined && { causationId: context.causationId }),
      schemaVersion: JOURNEY_SCHEMA_VERSION,
    },
  };
}
