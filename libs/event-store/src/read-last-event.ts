import { StreamNotFound } from './errors';
import type { EventStore, RecordedEvent } from './event-store.port';

/** A stream's last event, or undefined when the stream has none (a missing stream is not an error here). */
export async function readLastEvent(store: EventStore, stream: string): Promise<RecordedEvent | undefined> {
  try {
    for await (const last of store.readStream(stream, { direction: 'backwards', maxCount: 1 })) return last;
  } catch (error) {
    if (!(error instanceof StreamNotFound)) throw error;
  }
  return undefined;
}
