import {
  ANY,
  CancelledError,
  DeadlineExceededError,
  jsonEvent,
  NO_STREAM,
  NotLeaderError,
  STREAM_EXISTS,
  StreamDeletedError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type EventData,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { InvalidPosition, StoreUnavailable, StreamNotFound, WrongExpectedRevision } from '../errors';
import type { EventMetadata, ExpectedRevision, NewEvent, RecordedEvent } from '../event-store.port';
import { describeExpected } from '../expected-revision';

/** Our revisions and ESDB's both start at 0, so exact revisions pass through unchanged. */
export function toEsdbExpected(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'stream_exists') return STREAM_EXISTS;
  return expected;
}

/**
 * Refuses what the client cannot serialise (a bigint, a cycle, undefined), before it is sent: the
 * v6 client serialises inside an async Promise executor, so it would never settle the append and
 * its unhandled rejection would end the process.
 */
function requireJson(value: unknown, field: string, stream: string): void {
  let text: string | undefined;
  try {
    text = JSON.stringify(value) as string | undefined;
  } catch (error) {
    throw new TypeError(`${field} must be JSON-serialisable (stream ${stream}): ${(error as Error).message}`);
  }
  if (typeof text !== 'string')
    throw new TypeError(`${field} must be JSON-serialisable (stream ${stream}), got ${typeof value}`);
}

const LOWER_CASE_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The server stores an event id as a UUID and reads it back lower-case: another id is refused by
 * the server (a raw error), and an upper-case one would come back as another string, so a retry's
 * ids would not be found in the stream. Refused here, naming the field.
 */
function requireEsdbId(id: string, index: number, stream: string): void {
  if (!LOWER_CASE_UUID.test(id))
    throw new TypeError(
      `events[${index}].id must be a lower-case UUID on EventStoreDB (stream ${stream}), got ${JSON.stringify(id)}`,
    );
}

/** The event id is the ESDB event id (a uuid); our metadata is the ESDB custom metadata (JSON). */
export function toEventData(event: NewEvent, index: number, stream: string): EventData {
  requireEsdbId(event.id, index, stream);
  requireJson(event.data, `events[${index}].data`, stream);
  requireJson(event.metadata, `events[${index}].metadata`, stream);
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

export const SERVER_TOO_OLD =
  'EventStoreDB server too old: its stream reads carry no global position (Care Journey needs 23.10 or later; its contract suite is written for 24.10, not yet run against a real server)';

/**
 * What a server with no position for an event sends: Position.End, -1 as an unsigned 64-bit number
 * (the client's getters never give undefined: KurrentDB-Client-Dotnet#211, EventStore-Client-Go#88).
 */
const NO_POSITION = 0xffff_ffff_ffff_ffffn;

/** Converts a resolved ESDB event; returns undefined for links/system events we never expose. */
export function fromResolved(resolved: AllStreamResolvedEvent | ResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || isSystemEvent(event.streamId, event.type)) return undefined;
  const commit = event.position?.commit ?? resolved.commitPosition;
  // Stream reads on servers before 22.6 carry no position (Position.End on the wire): refused,
  // never taken as one (it would be past every event: a wait for it never ends, a retry's answer
  // would look new).
  if (commit === undefined || commit === NO_POSITION) throw new StoreUnavailable(SERVER_TOO_OLD);
  return {
    id: event.id,
    type: event.type,
    data: parseJson(event.data) as Record<string, unknown>,
    metadata: parseJson(event.metadata) as EventMetadata,
    streamId: event.streamId,
    revision: event.revision,
    globalPosition: commit,
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
  // A deleted stream reads as missing: Care Journey never deletes one, and its callers handle "missing".
  if (error instanceof StreamNotFoundError || error instanceof StreamDeletedError)
    return new StreamNotFound(stream ?? error.streamName);
  // Connection failures, and CancelledError: what the client raises when the server shuts down
  // (servers from 24.4), so a restart of EventStoreDB answers 503, not 500.
  if (
    error instanceof UnavailableError ||
    error instanceof CancelledError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof NotLeaderError
  ) {
    return new StoreUnavailable(`EventStoreDB unavailable: ${error.message}`, error);
  }
  return error;
}

/**
 * The server refuses a read or subscription of $all from inside a record (a number it never handed
 * out) with StatusCode.Unknown, which the client raises as an UnknownError: "Trying to read from an
 * invalid position." from 23.10 (KurrentDB PRs #3963, #3991, #4128); older servers fail decoding the
 * record there ("Log record at actual pos … has too large length", KurrentDB issue #694).
 */
export function isInvalidPosition(error: unknown): boolean {
  return error instanceof UnknownError && /invalid position|log record at actual pos/i.test(error.message);
}

/** mapEsdbError for a read or subscription of $all that started after `from`. */
export function mapReadAllError(error: unknown, from: bigint | undefined): unknown {
  if (isInvalidPosition(error)) return new InvalidPosition(from ?? 0n, error);
  return mapEsdbError(error, undefined);
}
