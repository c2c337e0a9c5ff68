/**
 * Applying a batch with the streams its refolds need, read from the event store first (the read
 * model keeps no copy of the events, and its transaction is synchronous, so they are read before
 * it starts). If the file changed between the two (another writer), the batch says which stream
 * it still needs and is applied again with it.
 */
import { readStreamOrEmpty, type EventStore, type RecordedEvent } from '@care-journey/event-store';
import { fromStoredEnvelope, journeyStream, type StoredJourneyEvent } from '@care-journey/journey';
import { StreamNeeded, type ApplyOptions, type ApplyResult, type ReadModelStore } from './read-model-store';

/** A failing batch is tried again with what it said it needed, at most this many times. */
const MAX_ATTEMPTS = 5;

/** The first `count` events of a child's stream, as the read model folds them (no positions). */
export async function readChildStream(
  store: EventStore,
  childId: string,
  count: number,
): Promise<StoredJourneyEvent[]> {
  const events: StoredJourneyEvent[] = [];
  if (count === 0) return events;
  for await (const event of store.readStream(journeyStream(childId), { maxCount: count }))
    events.push(fromStoredEnvelope(event, { positions: false }));
  return events;
}

export async function applyFromStore(
  store: EventStore,
  readModels: ReadModelStore,
  generation: number,
  events: readonly RecordedEvent[],
  options: Omit<ApplyOptions, 'streams'>,
): Promise<ApplyResult> {
  const streams = new Map<string, StoredJourneyEvent[]>();
  const key = (childId: string, count: number): string => `${count}/${childId}`;
  let wanted = readModels.streamsNeeded(generation, events);
  for (let attempt = 1; ; attempt++) {
    for (const { childId, count } of wanted)
      streams.set(key(childId, count), await readChildStream(store, childId, count));
    try {
      return readModels.applyBatch(generation, events, {
        ...options,
        streams: (childId, count) => streams.get(key(childId, count)),
      });
    } catch (error) {
      if (!(error instanceof StreamNeeded) || attempt >= MAX_ATTEMPTS) throw error;
      wanted = [{ childId: error.childId, count: error.count }];
    }
  }
}

/** A child's stored events in log order with revision and position; undefined for an unknown child. */
export async function childEvents(
  store: EventStore,
  childId: string,
): Promise<StoredJourneyEvent[] | undefined> {
  const events: StoredJourneyEvent[] = [];
  for await (const event of readStreamOrEmpty(store, journeyStream(childId)))
    events.push(fromStoredEnvelope(event));
  return events.length === 0 ? undefined : events;
}
