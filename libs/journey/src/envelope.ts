/**
 * How a decided journey event is stored: its id, its data and its recording metadata. The ONE
 * definition used by every write path (the API, the synthetic authority, the 903 import), so an
 * event reads back the same whichever way it was written. Structurally an event-store `NewEvent`;
 * the domain does not import the store.
 */
import { JOURNEY_SCHEMA_VERSION, type JourneyEvent } from './events';

export interface RecordingContext {
  /** The instant the event is recorded (ISO-8601, UTC). */
  now: string;
  recordedBy: string;
  correlationId?: string;
  causationId?: string;
}

export interface JourneyEnvelope {
  id: string;
  type: JourneyEvent['type'];
  data: Record<string, unknown>;
  metadata: {
    recordedAt: string;
    recordedBy: string;
    correlationId?: string;
    causationId?: string;
    schemaVersion: number;
  };
}

export function journeyEnvelope(event: JourneyEvent, id: string, context: RecordingContext): JourneyEnvelope {
  return {
    id,
    type: event.type,
    // A plain deep copy: class instances (e.g. validated DTOs) must not leak into stored data.
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
