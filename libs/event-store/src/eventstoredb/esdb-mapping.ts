import {
  ANY,
  DeadlineExceededError,
  jsonEvent,
  NO_STREAM,
  NotLeaderError,
  STREAM_EXISTS,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type EventData,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { StoreUnavailable, StreamNotFound, WrongExpectedRevision } from '../errors';
import type { EventMetadata, ExpectedRevision, NewEvent, RecordedEvent } from '../event-store.port';
import { describeExpected } from '../expected-revision';

/** Our revisions and ESDB's both start at 0, so exact revisions pass through unchanged. */
export function toEsdbExpected(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'stream_exists') return STREAM_EXISTS;
  return expected;
}

/** The event id is the ESDB event id (a uuid); our metadata is the ESDB custom metadata (JSON). */
export function toEventData(event: NewEvent): EventData {
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });
}

/**
 * Global position = commit position. For events written by a normal (implicit-transaction)
 * append ESDB gives each event its own log record with commit === prepare, so the commit
 * position is strictly increasing per event and {commit: p, prepare: p} addresses it again.
 */
export function toEsdbPosition(position: bigint): Position {
  return { commit: position, prepare: position };
}

export function isSystemEvent(streamId: string, type: string): boolean {
  return streamId.startsWith('$') || type.startsWith('$');
}

function parseJson(value: unknown): unknown {
  if (value instanceof Uint8Array) return JSON.parse(Buffer.from(value).toString('utf8'));
  return value;
}

/** Converts a resolved ESDB event; returns undefined for links/system events we never expose. */
export function fromResolved(resolved: AllStreamResolvedEvent | ResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || isSystemEvent(event.streamId, event.type)) return undefined;
  const commit = event.position?.commit ?? resolved.commitPosition;
  return {
    id: event.id,
    type: event.type,
    data: parseJson(event.data) as Record<string, unknown>,
    metadata: parseJson(event.metadata) as EventMetadata,
    streamId: event.streamId,
    revision: event.revision,
    // Stream reads on old servers carry no position: -1n marks "unknown", never a real position.
    globalPosition: commit ?? -1n,
  };
}

/** Maps client errors onto the port's errors; anything unexpected is rethrown unchanged. */
export function mapEsdbError(
  error: unknown,
  stream: string | undefined,
  expected?: ExpectedRevision,
): unknown {
  if (error instanceof WrongExpectedVersionError) {
    const actual = error.actualVersion;
    return new WrongExpectedRevision(
      error.streamName || stream || '',
      expected === undefined ? String(error.expectedVersion) : describeExpected(expected),
      typeof actual === 'bigint' ? actual : 'no_stream',
    );
  }
  if (error instanceof StreamNotFoundError) return new StreamNotFound(stream ?? error.streamName);
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof NotLeaderError
  ) {
    return new StoreUnavailable(`EventStoreDB unavailable: ${error.message}`, error);
  }
  return error;
}
