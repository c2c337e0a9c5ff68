import type { EventStore, NewEvent } from '../store';
import { appendBatchAtTip } from './append-batch-at-tip';

/** Events in one append at most: a busy moment's entries, well inside any store's append limit. */
const MAX_BATCH = 100;

interface Waiting {
  event: NewEvent;
  settle: (error?: unknown) => void;
}

/**
 * A stream several callers of this process append to: one append at a time, each taking every event
 * waiting by then (review s18-es F3: 96 concurrent reads each raced for the day's trail stream, and
 * a quarter ran out of retries). Clashes are left to writers in other processes.
 */
class StreamAppender {
  private readonly waiting: Waiting[] = [];
  private running = false;

  constructor(
    private readonly store: EventStore,
    private readonly stream: string,
    private readonly onIdle: () => void,
  ) {}

  append(event: NewEvent): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ event, settle: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.running) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.running = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MAX_BATCH);
      let failure: unknown;
      try {
        await appendBatchAtTip(
          this.store,
          this.stream,
          batch.map((waiting) => waiting.event),
        );
      } catch (error) {
        failure = error ?? new Error(`${this.stream}: append failed`);
      }
      for (const waiting of batch) waiting.settle(failure);
    }
    this.running = false;
    this.onIdle();
  }
}

/** This process's appenders, per store and stream; an idle one is dropped (a day's stream ends). */
const appenders = new WeakMap<EventStore, Map<string, StreamAppender>>();

/**
 * Appends one event to a stream several writers share (a day of the read-access trail, the issued
 * tokens), hash-chained like a journey. Resolves once the event is stored (a read's trail entry is
 * durable before its answer). Within this process the appends to one stream are queued and taken
 * together, so they never clash with one another; see appendBatchAtTip for clashes with other processes.
 */
export function appendChained(store: EventStore, stream: string, event: NewEvent): Promise<void> {
  let streams = appenders.get(store);
  if (!streams) {
    streams = new Map();
    appenders.set(store, streams);
  }
  let appender = streams.get(stream);
  if (!appender) {
    const own = streams;
    appender = new StreamAppender(store, stream, () => own.delete(stream));
    streams.set(stream, appender);
  }
  return appender.append(event);
}
