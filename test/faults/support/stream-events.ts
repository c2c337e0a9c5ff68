import type { EventStore, RecordedEvent } from '@care-journey/event-store';
import { journeyStream } from '@care-journey/journey';

/** Every event of one child's stream (empty when the stream does not exist). */
export async function childEvents(store: EventStore, childId: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  try {
    for await (const event of store.readStream(journeyStream(childId))) events.push(event);
  } catch (error) {
    if ((error as Error).name !== 'StreamNotFound') throw error;
  }
  return events;
}

/** Every event in the log, in order. */
export async function allEvents(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}

export const correlationOf = (event: RecordedEvent): string | undefined => {
  const value = event.metadata['correlationId'];
  return typeof value === 'string' ? value : undefined;
};
