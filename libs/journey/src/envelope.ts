/**
 * How a decided journey event is stored: its id, its data and its recording metadata. The ONE
 * definition used by every write path (the API, the synthetic authority, the 903 import), so an
 * event reads back the same whichever way it was written. Structurally an event-store `NewEvent`;
 * the domain does not import the store.
 */
import { JOURNEY_SCHEMA_VERSION, type JourneyEvent, type StoredJourneyEvent } from './events';

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

/** A stored event as the store returns it (structurally an event-store `RecordedEvent`). */
export interface StoredEnvelope {
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: { recordedAt: string; recordedBy: string; [key: string]: unknown };
  revision?: bigint;
  globalPosition?: bigint;
}

/**
 * A stored event as the domain folds it: type and data, plus who recorded it and when. Journey
 * streams hold only journey events (every writer goes through `decide`), so the type is trusted
 * here rather than re-validated on every read. `positions: false` leaves out the bigint revision
 * and global position, for callers that serialise events as JSON.
 */
export function fromStoredEnvelope(stored: StoredEnvelope, { positions = true } = {}): StoredJourneyEvent {
  return {
    type: stored.type,
    data: stored.data,
    id: stored.id,
    recordedAt: stored.metadata.recordedAt,
    recordedBy: stored.metadata.recordedBy,
    ...(positions && stored.revision !== undefined && { revision: stored.revision }),
    ...(positions && stored.globalPosition !== undefined && { globalPosition: stored.globalPosition }),
  } as StoredJourneyEvent;
}
