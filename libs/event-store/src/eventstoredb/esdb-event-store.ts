import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  MaxAppendSizeExceededError,
  NO_STREAM,
  NotLeaderError,
  START,
  StreamDeletedError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
} from '@eventstore/db-client';
import { DEFAULT_BACKOFF, type BackoffPolicy } from '../backoff';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionHandlers,
} from '../event-store.port';
import { BatchTooLarge, StoreUnavailable, StreamNotFound, WrongExpectedRevision } from '../errors';
import { describeExpected, matchesExpected } from '../expected-revision';
import { findOriginalAppend, judgeStoredIds, repeatedIds, repeatedIdsError } from '../stored-ids';
import { validateAppend, validateMaxCount } from '../validate-input';
import type { EsdbClient } from './esdb-client';
import { matchesFilter } from './esdb-filter';
import { hasServerFilter, serverFilteredRead } from './esdb-filtered-read';
import {
  fromResolved,
  isInvalidPosition,
  isSystemEvent,
  mapEsdbError,
  mapReadAllError,
  toEsdbExpected,
  toEsdbPosition,
  toEventData,
} from './esdb-mapping';
import { StreamIds } from './esdb-stream-ids';
import { EsdbCatchUpSubscription } from './esdb-subscription';

/**
 * True when a stream at `current` already holds an event where this append's first one would go
 * ('no_stream' on an existing stream, or an exact revision it has passed). Revisions only grow, so
 * such an append can never write: it is a retry or a refusal. 'any' and 'stream_exists' have no
 * place; ESDB recognises their retries only from its recent-write cache, so with a condition they
 * are checked against it (callers needing a guaranteed retry use an exact revision or 'no_stream').
 */
function isPastThePlace(expected: ExpectedRevision, current: bigint | undefined): boolean {
  if (expected === 'any' || expected === 'stream_exists') return false;
  return current !== undefined && (expected === 'no_stream' || current > expected);
}

/**
 * The EventStore port over EventStoreDB (gRPC client v6). Reads stream with gRPC flow control,
 * so a long read is consumed page by page rather than loaded at once.
 *
 * Idempotent retry: ESDB deduplicates by event id when the retry uses the same exact revision,
 * 'no_stream' or 'stream_exists'. With 'any' it only does so while the ids are still in the
 * server's recent-write cache, so the adapter answers such a retry itself from the stream it reads.
 * Its checks look in the target stream only, so the same ids appended to another stream are new
 * events there: the port's scope, ids unique per stream. Where the server would write (the stream
 * is where the append expects it), it writes ids the stream already holds, and a batch that repeats
 * an id, as they are: the adapter refuses both (DuplicateEventIds) before sending, judging the
 * batch against the stream's ids with the rule SQLite uses (stored-ids.ts). That costs a read of the
 * stream's newer events per append not made with 'no_stream' (ids already read are kept:
 * esdb-stream-ids.ts); the contract suite checks the behaviour.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;
  /** The ids each stream holds, read before an append (see the class comment). */
  private readonly streamIds = new StreamIds((stream, options) => this.readStream(stream, options));

  constructor(
    private readonly client: EsdbClient,
    private readonly backoff: BackoffPolicy = DEFAULT_BACKOFF,
  ) {}

  static connect(connectionString: string, backoff?: BackoffPolicy): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), backoff);
  }

  async appendToStream(stream: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    validateAppend(stream, events, options);
    // The server would store a batch that repeats an id as it is: refused here, as SQLite's index does.
    if (repeatedIds(events).length > 0) throw repeatedIdsError(stream, events);
    const { onlyIf, expectedRevision } = options;
    const eventData = events.map((event, index) => toEventData(event, index, stream));
    let sent = false;
    try {
      // A stream about to be created holds no ids: 'no_stream' needs no read before the append.
      const held = expectedRevision === 'no_stream' ? undefined : await this.streamIds.of(stream);
      // As in SQLite, the retry test comes before the condition: when the stream is already past the
      // place this append would write at, the server cannot write it; it answers an exact retry with
      // the original result or refuses with this stream's revision, as without the condition.
      if (onlyIf) {
        const current = held ? held.current : await this.currentRevision(stream);
        if (!isPastThePlace(expectedRevision, current)) await this.checkOnlyIf(onlyIf);
      }
      // Where the server would write, it writes ids the stream already holds: judged here instead.
      if (held && matchesExpected(expectedRevision, held.current)) {
        const original = judgeStoredIds(stream, events, expectedRevision, held.locate);
        if (original) return original;
      }
      sent = true;
      const result = await this.client.appendToStream(stream, eventData, {
        expectedRevision: toEsdbExpected(expectedRevision),
      });
      // throwOnAppendFailure=false in the connection string: a refusal resolves instead of throwing.
      if (!result.success) throw await this.refusal(stream, expectedRevision);
      const position =
        result.position?.commit ?? (await this.positionOf(stream, result.nextExpectedRevision));
      return { nextExpectedRevision: result.nextExpectedRevision, globalPosition: position };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError)
        await this.explainRefusal(stream, events, expectedRevision);
      if (error instanceof MaxAppendSizeExceededError)
        throw new BatchTooLarge(stream, events.length, error.maxAppendSize);
      // Not "missing" for a write (the API would answer 404 for a child that exists): an operator's
      // deletion, as Care Journey never deletes a stream.
      if (error instanceof StreamDeletedError)
        throw new Error(
          `Stream ${stream} was deleted on EventStoreDB (Care Journey never deletes one): it cannot be appended to`,
          { cause: error },
        );
      const mapped = mapEsdbError(error, stream, expectedRevision);
      // Sent and not answered: the leader may have committed it (a not-leader answer wrote nothing).
      if (sent && mapped instanceof StoreUnavailable && !(error instanceof NotLeaderError))
        throw new StoreUnavailable(mapped.message, error, true);
      throw mapped;
    }
  }

  /**
   * The error the client throws for a wrong expected version, for a refusal it resolved instead
   * ({ success: false }, whose revision is not the stream's: read here).
   */
  private async refusal(stream: string, expected: ExpectedRevision): Promise<WrongExpectedVersionError> {
    const current = await this.currentRevision(stream);
    return new WrongExpectedVersionError(undefined, {
      streamName: stream,
      expected: toEsdbExpected(expected),
      current: current ?? NO_STREAM,
    });
  }

  /**
   * The server refused an exact revision or 'no_stream' (the stream is elsewhere, or the batch only
   * partly matches what is stored there: its "corrupted idempotency" answer). As SQLite does: when
   * the batch's first id is stored in the stream, only part of the batch or another order is
   * DuplicateEventIds; otherwise the caller gets the WrongExpectedRevision.
   */
  private async explainRefusal(
    stream: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<void> {
    if (expected === 'any' || expected === 'stream_exists') return;
    const held = await this.streamIds.of(stream);
    if (held?.locate(events[0].id)) findOriginalAppend(stream, events, expected, held.locate);
  }

  private async currentRevision(stream: string): Promise<bigint | undefined> {
    try {
      for await (const last of this.readStream(stream, { direction: 'backwards', maxCount: 1 }))
        return last.revision;
    } catch (error) {
      if (!(error instanceof StreamNotFound)) throw error;
    }
    return undefined;
  }

  /**
   * The global position of the event at `revision`: an idempotent append is answered without a
   * position, and the head has moved on since the original append, so it is read back; never
   * another event's position (a server too old to give positions is refused when read).
   */
  private async positionOf(stream: string, revision: bigint): Promise<bigint> {
    for await (const event of this.readStream(stream, { fromRevision: revision, maxCount: 1 }))
      return event.globalPosition;
    throw new StoreUnavailable(
      `EventStoreDB answered an append to ${stream} with revision ${revision}, which cannot be read`,
    );
  }

  /**
   * ESDB has no transaction across streams: the other stream is read just before the append, so
   * the condition narrows the window without closing it (the port's AppendOptions.onlyIf says so).
   */
  private async checkOnlyIf({ stream, revision }: NonNullable<AppendOptions['onlyIf']>): Promise<void> {
    const current = await this.currentRevision(stream);
    if (!matchesExpected(revision, current))
      throw new WrongExpectedRevision(stream, describeExpected(revision), current ?? 'no_stream');
  }

  readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    validateMaxCount(options.maxCount);
    return this.streamEvents(stream, options);
  }

  private async *streamEvents(stream: string, options: ReadStreamOptions): AsyncGenerator<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    // maxCount 0 still has to say whether the stream exists, so read one event and drop it.
    const wanted = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const read = this.client.readStream(stream, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision ?? (backwards ? END : START),
      maxCount: Math.max(wanted, 1),
    });
    try {
      let count = 0;
      for await (const resolved of read) {
        if (count >= wanted) break;
        const event = fromResolved(resolved);
        if (!event) continue;
        count += 1;
        yield event;
      }
    } catch (error) {
      throw mapEsdbError(error, stream);
    } finally {
      // A caller that stops early destroys the client's stream, not its gRPC call: cancel that
      // (always: by then the stream is destroyed; cancelling an ended call does nothing).
      await read.cancel().catch(() => undefined);
    }
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    validateMaxCount(options.maxCount);
    const { filter } = options;
    if (hasServerFilter(filter)) return serverFilteredRead(this.client, { ...options, filter });
    return this.allEvents(options);
  }

  /** An unfiltered read of $all; system events are dropped here, on the client. */
  private async *allEvents(options: ReadAllOptions): AsyncGenerator<RecordedEvent> {
    const wanted = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (wanted === 0) return;
    const from = options.fromPosition;
    const read = this.client.readAll({
      direction: FORWARDS,
      fromPosition: from === undefined ? START : toEsdbPosition(from),
    });
    try {
      let count = 0;
      for await (const resolved of read as AsyncIterable<AllStreamResolvedEvent>) {
        const event = fromResolved(resolved);
        // ESDB reads from a position inclusively; the port's fromPosition is exclusive.
        if (!event || (from !== undefined && event.globalPosition <= from)) continue;
        if (!matchesFilter(event, options.filter)) continue;
        yield event;
        count += 1;
        if (count >= wanted) break;
      }
    } catch (error) {
      throw mapReadAllError(error, from);
    } finally {
      await read.cancel().catch(() => undefined);
    }
  }

  /**
   * A forwards read of $all is inclusive of its start, so the event at `position` is the first one
   * read from there (each event of a normal append is a record of its own: one per position). A
   * number that is not a record start is refused by the server: no event is there.
   */
  async eventsAt(position: bigint): Promise<RecordedEvent[]> {
    const read = this.client.readAll({
      direction: FORWARDS,
      fromPosition: toEsdbPosition(position),
      maxCount: 1,
    });
    const found: RecordedEvent[] = [];
    try {
      for await (const resolved of read as AsyncIterable<AllStreamResolvedEvent>) {
        const event = fromResolved(resolved);
        if (event?.globalPosition === position) found.push(event);
      }
    } catch (error) {
      if (isInvalidPosition(error)) return [];
      throw mapEsdbError(error, undefined);
    } finally {
      await read.cancel().catch(() => undefined);
    }
    return found;
  }

  subscribeToAll(options: SubscribeOptions, handlers: SubscriptionHandlers): Subscription {
    if (this.closed) throw new Error('EventStoreDB event store is closed');
    const subscription: Subscription = new EsdbCatchUpSubscription(
      this.client,
      options,
      handlers,
      this.backoff,
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /**
   * Position of the last non-system event, read backwards from the end. A server writes system
   * events of its own ($settings, $users at first start, $scavenges), possibly after the last
   * application event: they are passed over, and a log holding only them has no head (the port's
   * "empty"). The read streams, so passing over a few costs a few.
   */
  async headPosition(): Promise<bigint | undefined> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END });
    try {
      for await (const resolved of read as AsyncIterable<AllStreamResolvedEvent>) {
        const event = resolved.event;
        if (event && !isSystemEvent(event.streamId, event.type)) return event.position.commit;
      }
    } catch (error) {
      throw mapEsdbError(error, undefined);
    } finally {
      await read.cancel().catch(() => undefined);
    }
    return undefined;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }
}
