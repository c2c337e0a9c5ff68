/**
 * The event store port. Every other part of Care Journey depends on this file only;
 * adapters (sqlite/, eventstoredb/) implement it and no adapter type leaks out: what only one
 * adapter can do is an optional capability here (a caller asks for it, never for a class), and a
 * store is built from its config (createEventStore). Only SQLite's own tools (CLI backup and
 * restore, the benchmarks, test fixtures) name SqliteEventStore, through its own entry
 * `@care-journey/event-store/sqlite`, which the main entry does not re-export.
 *
 * Revisions are per stream and start at 0n; global positions are store-wide, strictly
 * increasing, and also bigint. Use `toJsonSafe`/`fromJsonSafe` (envelope-json.ts) to cross JSON.
 */

import type { StoreConfig } from './store-config';

/** What the caller believes about the stream before appending. */
export type ExpectedRevision = 'no_stream' | 'any' | 'stream_exists' | bigint;

/** Recording metadata carried by every event (the "as known" axis of a journey). */
export interface EventMetadata {
  /** Instant the event was recorded, ISO-8601 UTC. */
  recordedAt: string;
  /** Who recorded it (user id from the token, or a job name). */
  recordedBy: string;
  correlationId?: string;
  causationId?: string;
  /** Version of this event type's data schema. */
  schemaVersion: number;
  /** Further metadata (e.g. the audit hash chain) is allowed and stored verbatim. */
  [key: string]: unknown;
}

/**
 * An event to append. `id` is a uuid chosen by the caller, unique within its stream: appending the
 * same ids to the same stream again is a retry; the same ids in another stream are other events.
 */
export interface NewEvent<Type extends string = string, Data = Record<string, unknown>> {
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
}

/** An event as stored. */
export interface RecordedEvent<Type extends string = string, Data = Record<string, unknown>> extends NewEvent<
  Type,
  Data
> {
  streamId: string;
  revision: bigint;
  globalPosition: bigint;
}

export interface AppendOptions {
  expectedRevision: ExpectedRevision;
  /**
   * Append only while another stream is at this revision; otherwise nothing is written and
   * `WrongExpectedRevision` names that stream. For a write that is valid only while a fact held in
   * another stream still stands (a registration while its 903 reference is still reserved for the
   * child). SQLite checks it in the append's own transaction, so it is atomic with the write.
   * EventStoreDB has no transaction across streams: there it is checked just before the append,
   * which narrows the window but does not close it. An exact retry of an append that already
   * succeeded returns its result, as without the condition (on EventStoreDB, for an exact revision
   * or 'no_stream': a retry with 'any' or 'stream_exists' is checked against the condition).
   */
  onlyIf?: { stream: string; revision: ExpectedRevision };
}

export interface AppendResult {
  /** Revision of the last event now in the stream (pass it as expectedRevision next time). */
  nextExpectedRevision: bigint;
  /** Global position of the last event appended. */
  globalPosition: bigint;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  fromRevision?: bigint;
  maxCount?: number;
  direction?: Direction;
}

export interface AllFilter {
  /** Keep events whose stream id starts with one of these prefixes (an empty list filters nothing). */
  streamPrefixes?: string[];
  /** Keep events of one of these types. */
  eventTypes?: string[];
}

export interface ReadAllOptions {
  /**
   * Exclusive: events strictly after this global position (omit to read from the start). Use a
   * position the store handed out (an event's globalPosition, or headPosition()): EventStoreDB's are
   * byte offsets and it refuses any other number with InvalidPosition, when the read is iterated.
   */
  fromPosition?: bigint;
  maxCount?: number;
  filter?: AllFilter;
}

export interface SubscribeOptions {
  /**
   * Exclusive: the checkpoint already processed (omit to start from the beginning). As for
   * ReadAllOptions.fromPosition, a position the store handed out: EventStoreDB stops a subscription
   * from any other with InvalidPosition (onError).
   */
  fromPosition?: bigint;
  filter?: AllFilter;
}

/** Signals emitted by a subscription besides events. */
export interface SubscriptionHandlers {
  /** Called for each event, in global order; the next event waits for the returned promise. */
  onEvent(event: RecordedEvent): void | Promise<void>;
  /** Called each time catch-up reaches the head of the log. */
  onCaughtUp?(position: bigint | undefined): void;
  /** Called when a transient failure is being retried (the subscription does not end). */
  onRetry?(error: unknown, attempt: number, delayMs: number): void;
  /** Called when the handler itself threw: the subscription stops, it never skips the event. */
  onError?(error: unknown): void;
}

export interface Subscription {
  /** Stops the subscription; resolves once no handler is running. */
  stop(): Promise<void>;
}

/** A part of the log split by stream: the streams that hash to `partition` of `partitions`. */
export interface LogPartitionRange {
  partition: number;
  partitions: number;
  /** Events in (after, upTo]. */
  after: bigint;
  upTo: bigint;
  /**
   * 'stream': each stream's events together, in stream order (streams in the order of their first
   * event), for a projection whose state is per stream: a stream is then folded in one pass however
   * its events are spread through the log. Default 'log': in log order.
   */
  order?: 'log' | 'stream';
}

export interface EventStore {
  appendToStream(stream: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;

  /**
   * Reads one stream. A stream that does not exist throws `StreamNotFound` when iterated;
   * an existing stream read past its end yields nothing.
   */
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;

  /** Reads the whole log in global order. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;

  /** Catch-up subscription: every event after `fromPosition`, then live ones, until stopped. */
  subscribeToAll(options: SubscribeOptions, handlers: SubscriptionHandlers): Subscription;

  /**
   * The events stored at exactly `position` (one in both adapters), or none: never refused, whatever
   * the number (a checkpoint of another store, a cursor from a user). For checking that a log holds
   * what a checkpoint says, where `readAll({ fromPosition: position - 1n })` would start from a
   * position EventStoreDB never handed out.
   */
  eventsAt(position: bigint): Promise<RecordedEvent[]>;

  /** Global position of the last event in the log, or undefined when the log is empty. */
  headPosition(): Promise<bigint | undefined>;

  /**
   * Optional capability: how another thread or process opens this same store (a plain config for
   * createEventStore), or undefined when it cannot (a store in memory).
   */
  sharedConfig?(): StoreConfig | undefined;

  /**
   * Optional capability (SQLite): one partition of the log, in log order (or stream by stream: the
   * range's `order`), `pageSize` events at a time, read on a connection of its own, for a rebuild.
   */
  readPartition?(range: LogPartitionRange, pageSize: number): Iterable<RecordedEvent[]>;

  close(): Promise<void>;
}
