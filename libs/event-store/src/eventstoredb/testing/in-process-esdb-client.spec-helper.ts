import { Readable } from 'node:stream';
import {
  ANY,
  BACKWARDS,
  END,
  EVENT_TYPE,
  START,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type EventData,
  type EventStoreDBClient,
  type EventType,
  type Filter,
  type ResolvedEvent,
  type StreamingRead,
  MaxAppendSizeExceededError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { EsdbClient } from '../esdb-client';
import { InProcessEsdbLog, invalidPositionError, type LoggedEvent } from './in-process-esdb-log.spec-helper';

/** Refuses, as the server does, a start that is not a record start. */
function checkStart(log: InProcessEsdbLog, from: ReadAllOptions['fromPosition']): void {
  if (from === undefined || from === START || from === END) return;
  if (!log.isRecordStart(from.commit)) throw invalidPositionError();
}

type ReadStreamOptions = NonNullable<Parameters<EventStoreDBClient['readStream']>[1]>;
type ReadAllOptions = NonNullable<Parameters<EventStoreDBClient['readAll']>[0]>;
type SubscribeToAllOptions = NonNullable<Parameters<EventStoreDBClient['subscribeToAll']>[0]>;
type AppendOptions = NonNullable<Parameters<EventStoreDBClient['appendToStream']>[2]>;

/** What a server before 22.6 sends as a stream-read event's position: Position.End (-1 unsigned). */
const POSITION_END = { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n };

/** The resolved event as the v6 client hands it over (JSON events: data and metadata parsed). */
function resolve(event: LoggedEvent, position = event.position): AllStreamResolvedEvent {
  return {
    event: {
      streamId: event.streamId,
      id: event.id,
      isJson: true,
      revision: event.revision,
      type: event.type,
      created: event.created,
      data: JSON.parse(event.data) as Record<string, unknown>,
      metadata: (JSON.parse(event.metadata) ?? undefined) as Record<string, unknown>,
      position,
    },
    commitPosition: position.commit,
  } as AllStreamResolvedEvent;
}

/**
 * A finite read: the server's answer is computed when the read is first consumed (a missing
 * stream's StreamNotFoundError surfaces on iteration, as with the real client).
 */
function streamingRead<E>(
  answer: () => readonly E[],
  onCancel: () => void,
  onSend: () => void = () => undefined,
): StreamingRead<E> {
  let items: readonly E[] | undefined;
  let next = 0;
  const readable = new Readable({
    objectMode: true,
    read() {
      try {
        items ??= answer();
      } catch (error) {
        this.destroy(error as Error);
        return;
      }
      if (next < items.length) onSend();
      this.push(next < items.length ? items[next++] : null);
    },
  });
  return Object.assign(readable, {
    cancel: async () => {
      onCancel();
      readable.destroy();
    },
  }) as unknown as StreamingRead<E>;
}

function limit(maxCount: number | bigint | undefined): number {
  return maxCount === undefined ? Number.MAX_SAFE_INTEGER : Number(maxCount);
}

/** The server-side filter of a subscription to $all: on the stream name or the event type, by prefixes or a regex. */
function serverFilter(filter: Filter | undefined): (event: LoggedEvent) => boolean {
  if (!filter) return () => true;
  const field = (event: LoggedEvent): string =>
    filter.filterOn === EVENT_TYPE ? event.type : event.streamId;
  if ('regex' in filter) {
    const regex = new RegExp(filter.regex);
    return (event) => regex.test(field(event));
  }
  return (event) => filter.prefixes.some((prefix) => field(event).startsWith(prefix));
}

/** Events a filtered subscription scans between two checkpoints, per unit of checkpointInterval (the server's default window). */
const SEARCH_WINDOW = 32;

export interface InProcessEsdbClientOptions {
  /**
   * Subscriptions from a position also send the event at that position (a server that resends it on
   * resubscription): the adapter must not deliver it twice. Off by default (the position is exclusive).
   */
  resendResumePosition?: boolean;
  /**
   * The connection string's throwOnAppendFailure (default true). False: a wrong expected version
   * resolves { success: false } as the client does (batchAppend.js), with its nextExpectedRevision
   * bug (BigInt(hasCurrentStreamRevision()): 1n or 0n) and no position.
   */
  throwOnAppendFailure?: boolean;
  /**
   * A server before 22.6: stream reads carry no position, sent as Position.End (2^64 - 1), which the
   * client hands over as it is (never undefined). Reads of $all still carry positions.
   */
  streamReadsWithoutPosition?: boolean;
  /**
   * A server with KurrentDB #4970 (24.10 and 25.0 before #4990/#4991): each time a filtered
   * subscription's scan finds the end of the log (an empty page), it sends a checkpoint at the end
   * position with prepare 0, the commit position the next event written gets.
   */
  endOfLogCheckpoint?: boolean;
  /** The server's MaxAppendSize in bytes of data and metadata per append (default 1 MiB, the server's). */
  maxAppendSize?: number;
}

const DEFAULT_MAX_APPEND_SIZE = 1_048_576;

/**
 * The bytes the client sends for one event, or undefined when it cannot serialise it: batchAppend
 * JSON.stringifies data and metadata inside an async Promise executor, so a throw there (a bigint, a
 * cycle) never settles the append, and the executor's rejection is unhandled: Node's default kills
 * the process. The fake keeps the "never settles" and leaves out the crash (it would end the test run).
 */
function wireSize(event: EventData): number | undefined {
  try {
    const data = event.contentType === 'application/json' ? JSON.stringify(event.data) : event.data;
    const metadata =
      event.metadata === undefined || event.metadata instanceof Uint8Array
        ? event.metadata
        : JSON.stringify(event.metadata);
    return Buffer.from(data as string).length + (metadata === undefined ? 0 : Buffer.from(metadata).length);
  } catch {
    return undefined;
  }
}

/**
 * A catch-up subscription to $all: every event after `fromPosition` that passes the filter, then
 * 'caughtUp' once the events up to the head at that moment are queued, then live events as they
 * are written. A Readable, so pause/resume and back-pressure behave as with the real client.
 * A filtered subscription calls the filter's checkpointReached every SEARCH_WINDOW ×
 * checkpointInterval events scanned, with the last scanned position, when it scans them (as the real
 * client's Transform does: events it passed on before may still sit in its buffer), and scans no
 * further until the callback's promise settles (the client awaits it).
 */
function subscription(
  log: InProcessEsdbLog,
  options: SubscribeToAllOptions,
  settings: InProcessEsdbClientOptions,
  onSend: () => void,
): AllStreamSubscription {
  const passes = serverFilter(options.filter);
  const from = options.fromPosition;
  let invalidStart: Error | undefined;
  try {
    checkStart(log, from);
  } catch (error) {
    invalidStart = error as Error;
  }
  const checkpointReached = options.filter?.checkpointReached;
  const checkpointEvery = (options.filter?.checkpointInterval ?? 1) * SEARCH_WINDOW;
  // The log is in position order: skip to the first event after the start.
  let next =
    from === undefined || from === START
      ? 0
      : from === END
        ? log.events.length
        : log.events.findIndex((event) =>
            settings.resendResumePosition
              ? event.position.commit >= from.commit
              : event.position.commit > from.commit,
          );
  if (next < 0) next = log.events.length;
  let caughtUp = false;
  let wanting = false;
  let scanned = 0;
  let awaitingCheckpoint = false;
  let endCheckpointSent: bigint | undefined;
  const sendEndOfLog = (): void => {
    if (readable.destroyed || next < log.events.length || endCheckpointSent === log.end) return;
    endCheckpointSent = log.end;
    const answer = checkpointReached?.call(sub, sub, { commit: log.end, prepare: 0n });
    if (answer instanceof Promise) {
      awaitingCheckpoint = true;
      void answer.finally(() => {
        awaitingCheckpoint = false;
        pump();
      });
    }
  };
  const readable = new Readable({
    objectMode: true,
    read() {
      wanting = true;
      pump();
    },
  });
  const sub = readable as unknown as AllStreamSubscription;
  const pump = (): void => {
    if (invalidStart) return; // the server sends nothing from inside a record: only the error
    while (wanting && !awaitingCheckpoint && !readable.destroyed && next < log.events.length) {
      const event = log.events[next++];
      if (passes(event)) {
        onSend();
        wanting = readable.push(resolve(event));
      }
      scanned += 1;
      if (checkpointReached && scanned % checkpointEvery === 0) {
        const answer = checkpointReached.call(sub, sub, event.position);
        if (answer instanceof Promise) {
          awaitingCheckpoint = true;
          void answer.finally(() => {
            awaitingCheckpoint = false;
            pump();
          });
        }
      }
    }
    if (settings.endOfLogCheckpoint && checkpointReached && !awaitingCheckpoint) sendEndOfLog();
    if (!caughtUp && next >= log.events.length && !readable.destroyed) {
      caughtUp = true;
      setImmediate(() => readable.emit('caughtUp'));
    }
  };
  // The server answers a subscription from inside a record with an error, then ends it.
  if (invalidStart) {
    const error = invalidStart;
    setImmediate(() => readable.destroy(error));
    return Object.assign(readable, {
      unsubscribe: async () => {
        readable.destroy();
      },
    }) as unknown as AllStreamSubscription;
  }
  const unlisten = log.onWrite(pump);
  readable.on('close', unlisten);
  return Object.assign(readable, {
    unsubscribe: async () => {
      readable.destroy();
    },
  }) as unknown as AllStreamSubscription;
}

/**
 * The v6 client's surface the adapter uses (EsdbClient), answered by an in-process log instead of a
 * server. Several clients made on one log see one another's writes, like connections to one node.
 * The rules it follows, and what it leaves out, are listed on InProcessEsdbLog.
 */
export class InProcessEsdbClient implements EsdbClient {
  /** Calls per method, for specs that check what reached the "server". */
  readonly calls = { appendToStream: 0, readStream: 0, readAll: 0, subscribeToAll: 0 };
  /**
   * Reads the caller cancelled. With the real client, a read left early without cancel() keeps its
   * gRPC call open until the server has sent everything (ReadStream.js): only destroyed here.
   */
  cancelledReads = 0;
  /** Events sent to this client by reads of $all and subscriptions (what crossed the network). */
  sentFromAll = 0;
  private readonly countSent = (): void => {
    this.sentFromAll += 1;
  };
  /** The fromPosition of each subscribeToAll call, in order. */
  readonly subscribedFrom: SubscribeToAllOptions['fromPosition'][] = [];
  private readonly opened = new Set<{ destroy(): void }>();

  /** Live subscriptions, for the fault switches below. */
  private readonly live = new Set<Readable>();

  constructor(
    readonly log: InProcessEsdbLog = new InProcessEsdbLog(),
    private readonly settings: InProcessEsdbClientOptions = {},
  ) {}

  /**
   * Fault switch: every live subscription fails as the real client reports a lost connection
   * (UnavailableError) or a server shutting down (CancelledError, servers from 24.4): 'error', then
   * closed. With 'end', the server ends the streams instead (after what is already buffered).
   */
  dropSubscriptions(how: Error | 'end' = new UnavailableError(undefined, 'connection lost')): number {
    const dropped = [...this.live];
    for (const readable of dropped) {
      if (how === 'end') readable.push(null);
      else readable.destroy(how);
    }
    return dropped.length;
  }

  private failAfterCommit: Error | undefined;

  /**
   * Fault switch: the next append is committed, then the call fails with `error` (a deadline passed,
   * the connection lost while the leader wrote: the client raises DeadlineExceededError or
   * UnavailableError though the write stands).
   */
  commitThenFail(error: Error): void {
    this.failAfterCommit = error;
  }

  async appendToStream<KnownEventType extends EventType = EventType>(
    streamName: string,
    events: EventData<KnownEventType> | EventData<KnownEventType>[],
    options?: AppendOptions,
  ): ReturnType<EventStoreDBClient['appendToStream']> {
    this.calls.appendToStream += 1;
    // A network round trip: other callers run in between.
    await new Promise((resolve) => setImmediate(resolve));
    const batch = (Array.isArray(events) ? events : [events]) as EventData[];
    const sizes = batch.map(wireSize);
    if (sizes.some((size) => size === undefined)) return new Promise(() => undefined);
    const maxAppendSize = this.settings.maxAppendSize ?? DEFAULT_MAX_APPEND_SIZE;
    const size = sizes.reduce((sum: number, bytes) => sum + (bytes ?? 0), 0);
    if (size > maxAppendSize) throw MaxAppendSizeExceededError.fromMaxAppendSize(maxAppendSize);
    try {
      const result = this.log.append(streamName, batch, options?.expectedRevision ?? ANY);
      const fail = this.failAfterCommit;
      this.failAfterCommit = undefined;
      if (fail) throw fail;
      return result;
    } catch (error) {
      if (this.settings.throwOnAppendFailure !== false || !(error instanceof WrongExpectedVersionError))
        throw error;
      const exists = typeof error.actualVersion === 'bigint';
      return { success: false, nextExpectedRevision: exists ? 1n : 0n, position: undefined };
    }
  }

  readStream<KnownEventType extends EventType = EventType>(
    streamName: string,
    options: ReadStreamOptions = {},
  ): StreamingRead<ResolvedEvent<KnownEventType>> {
    this.calls.readStream += 1;
    return this.track(
      streamingRead(() => {
        const stored = this.log.readStream(streamName);
        const backwards = options.direction === BACKWARDS;
        const from = options.fromRevision ?? (backwards ? END : START);
        const selected = backwards
          ? stored.filter((e) => from === END || (from !== START && e.revision <= from)).reverse()
          : stored.filter((e) => from === START || (from !== END && e.revision >= from));
        const position = this.settings.streamReadsWithoutPosition ? POSITION_END : undefined;
        return selected.slice(0, limit(options.maxCount)).map((event) => resolve(event, position));
      }, this.countCancel),
    ) as unknown as StreamingRead<ResolvedEvent<KnownEventType>>;
  }

  readAll(options: ReadAllOptions = {}): StreamingRead<AllStreamResolvedEvent> {
    this.calls.readAll += 1;
    return this.track(
      streamingRead(
        () => {
          const backwards = options.direction === BACKWARDS;
          const from = options.fromPosition ?? (backwards ? END : START);
          checkStart(this.log, from);
          const selected = backwards
            ? this.log.events
                .filter((e) => from === END || (from !== START && e.position.commit < from.commit))
                .reverse()
            : this.log.events.filter(
                (e) => from === START || (from !== END && e.position.commit >= from.commit),
              );
          return selected.slice(0, limit(options.maxCount)).map((event) => resolve(event));
        },
        this.countCancel,
        this.countSent,
      ),
    );
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllStreamSubscription {
    this.calls.subscribeToAll += 1;
    this.subscribedFrom.push(options.fromPosition);
    const readable = this.track(subscription(this.log, options, this.settings, this.countSent));
    const stream = readable as unknown as Readable;
    this.live.add(stream);
    stream.on('close', () => this.live.delete(stream));
    stream.on('end', () => this.live.delete(stream));
    return readable;
  }

  private readonly countCancel = (): void => {
    this.cancelledReads += 1;
  };

  async dispose(): Promise<void> {
    for (const stream of this.opened) stream.destroy();
    this.opened.clear();
  }

  private track<S extends Readable>(stream: S): S {
    this.opened.add(stream);
    stream.on('close', () => this.opened.delete(stream));
    return stream;
  }
}
