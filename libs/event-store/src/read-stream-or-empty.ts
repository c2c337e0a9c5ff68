import { StreamNotFound } from './errors';
import type { EventStore, ReadStreamOptions, RecordedEvent } from './event-store.port';

/**
 * A stream's events, or none when the stream does not exist: for callers to whom a missing stream
 * means "nothing recorded yet" (a stream exists once its first event is appended, so "missing" and
 * "empty" are the same to them). Every other error (the store unreachable) is thrown as it is.
 */
export async function* readStreamOrEmpty(
  store: EventStore,
  stream: string,
  options?: ReadStreamOptions,
): AsyncGenerator<RecordedEvent, void, undefined> {
  try {
    for await (const event of store.readStream(stream, options)) yield event;
  } catch (error) {
    if (!(error instanceof StreamNotFound)) throw error;
  }
}
