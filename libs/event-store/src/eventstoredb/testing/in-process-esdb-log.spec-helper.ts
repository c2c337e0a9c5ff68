import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  StreamNotFoundError,
  UnknownError,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type AppendResult,
  type EventData,
  type Position,
} from '@eventstore/db-client';

/** One record of the in-process log: what a server stores for an event. */
export interface LoggedEvent {
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  position: Position;
  created: Date;
  /** JSON text, as on the wire: data and metadata come back parsed, never as the caller's objects. */
  data: string;
  metadata: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Positions are byte offsets in a real log: not dense, so nothing may assume position + 1. */
const RECORD_BASE_SIZE = 64n;

/**
 * What the client raises when a read or subscription of $all starts inside a record: the server's
 * RpcExceptions.InvalidPositionException (StatusCode.Unknown, KurrentDB PRs #3963/#3991/#4128),
 * which the client's convertToCommandError turns into an UnknownError.
 */
export function invalidPositionError(): UnknownError {
  const details = 'Trying to read from an invalid position.';
  return new UnknownError({ code: 2, details, message: `2 UNKNOWN: ${details}` } as never);
}

/**
 * The write and read rules of an EventStoreDB server, as far as the adapter relies on them, over an
 * in-memory log shared by every client made on it (a "server"). What it models:
 * - appends: one batch is one contiguous, atomic write (commit === prepare per event); the
 *   expected-revision check and the idempotency check of the server's commit check: with an exact
 *   revision or 'no_stream' on a stream already past it, the batch's ids are compared with the
 *   events stored from that place: all equal → success without writing, answered WITHOUT a position
 *   (the conservative case the adapter must handle); ids must be UUIDs and are kept lower-case; the first different → WrongExpectedVersion;
 *   a later one different (corrupted idempotency) → WrongExpectedVersion too. With 'any' or
 *   'stream_exists' a retry is recognised from the recent-write cache, modelled as never evicting
 *   (the best case: a real server forgets old ids). 'stream_exists' on a missing stream fails.
 * - reads: stream reads by revision both ways (missing stream → StreamNotFoundError on iteration),
 *   $all reads by position both ways, forwards from a position inclusive; system events are
 *   present in $all (one written at start-up) for the adapter to drop. A read or subscription of
 *   $all from a position that is not the start of a record (an event's position, 0 or the end of
 *   the log) fails as the server fails it (invalidPositionError), never reads "from the next one".
 * Subscriptions, their checkpoints and their failures are modelled by InProcessEsdbClient (a
 * subscription per client, checkpoints while a filter scans, dropSubscriptions for a lost
 * connection or a server shutdown). Not modelled: deletion and tombstones, stream metadata, links,
 * the cache's eviction, leader elections.
 */
export class InProcessEsdbLog {
  readonly events: LoggedEvent[] = [];
  private readonly streams = new Map<string, LoggedEvent[]>();
  private readonly listeners = new Set<() => void>();
  private nextPosition = 0n;
  /** Where records start: the only positions a read of $all may start from. */
  private readonly recordStarts = new Set<bigint>([0n]);

  constructor() {
    // A fresh server writes system records before any user event (settings, scavenges…).
    this.write('$settings', [
      {
        id: '00000000-0000-4000-8000-000000000000',
        contentType: 'application/json',
        type: '$settings',
        data: {},
        metadata: undefined,
      },
    ]);
  }

  /** The end of the log: the position the next event written gets. */
  get end(): bigint {
    return this.nextPosition;
  }

  /** A position a read of $all may start from: a record's start, or the end of the log. */
  isRecordStart(position: bigint): boolean {
    return this.recordStarts.has(position) || position === this.nextPosition;
  }

  stream(streamId: string): readonly LoggedEvent[] | undefined {
    return this.streams.get(streamId);
  }

  /** Called after every write (live subscriptions); returns the unsubscribe function. */
  onWrite(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  append(streamId: string, batch: readonly EventData[], expected: AppendExpectedRevision): AppendResult {
    // The server parses each id as a UUID (refused otherwise) and keeps it as one: read back lower-case.
    for (const event of batch)
      if (!UUID.test(event.id)) throw new UnknownError(undefined, `Invalid event id ${event.id}`);
    batch = batch.map((event) => ({ ...event, id: event.id.toLowerCase() }));
    const stored = this.streams.get(streamId);
    const current = stored ? BigInt(stored.length - 1) : undefined;
    const refuse = () =>
      new WrongExpectedVersionError(undefined, {
        streamName: streamId,
        expected,
        current: current ?? NO_STREAM,
      });
    if (expected === STREAM_EXISTS && !stored) throw refuse();
    if (expected === ANY || expected === STREAM_EXISTS) {
      const retried = this.retryFromCache(stored ?? [], batch);
      if (retried === 'corrupted') throw refuse();
      if (retried !== undefined) return { success: true, nextExpectedRevision: retried };
      return this.write(streamId, batch);
    }
    const expectedNumber = expected === NO_STREAM ? -1n : expected;
    const currentNumber = current ?? -1n;
    if (currentNumber === expectedNumber) return this.write(streamId, batch);
    if (currentNumber < expectedNumber || !stored) throw refuse();
    const retried = this.retryAt(stored, expectedNumber + 1n, batch);
    if (retried === undefined || retried === 'corrupted') throw refuse();
    return { success: true, nextExpectedRevision: retried };
  }

  /** Exact-revision idempotency: the ids stored from `first` on, one by one. */
  private retryAt(
    stored: readonly LoggedEvent[],
    first: bigint,
    batch: readonly EventData[],
  ): bigint | 'corrupted' | undefined {
    for (let i = 0; i < batch.length; i++) {
      if (stored[Number(first) + i]?.id !== batch[i].id) return i === 0 ? undefined : 'corrupted';
    }
    return first + BigInt(batch.length - 1);
  }

  /** 'any' idempotency: the first id found in the stream (the cache), the rest after it. */
  private retryFromCache(
    stored: readonly LoggedEvent[],
    batch: readonly EventData[],
  ): bigint | 'corrupted' | undefined {
    const at = stored.findIndex((event) => event.id === batch[0].id);
    if (at < 0) return undefined;
    return this.retryAt(stored, BigInt(at), batch) ?? 'corrupted';
  }

  private write(streamId: string, batch: readonly EventData[]): AppendResult {
    const stored = this.streams.get(streamId) ?? [];
    this.streams.set(streamId, stored);
    let last: LoggedEvent | undefined;
    for (const event of batch) {
      const data = JSON.stringify(event.data);
      const metadata = JSON.stringify(event.metadata ?? null);
      const position = this.nextPosition;
      this.nextPosition += RECORD_BASE_SIZE + BigInt(data.length + metadata.length);
      this.recordStarts.add(position);
      last = {
        streamId,
        id: event.id,
        type: event.type,
        revision: BigInt(stored.length),
        position: { commit: position, prepare: position },
        created: new Date(),
        data,
        metadata,
      };
      stored.push(last);
      this.events.push(last);
    }
    for (const listener of [...this.listeners]) listener();
    const written = last as LoggedEvent;
    return { success: true, nextExpectedRevision: written.revision, position: written.position };
  }

  /** The stream's events, or the error a server gives when a missing stream is read. */
  readStream(streamId: string): readonly LoggedEvent[] {
    const stored = this.streams.get(streamId);
    if (!stored) throw new StreamNotFoundError(undefined, streamId);
    return stored;
  }
}
