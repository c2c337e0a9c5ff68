import { ACCESS_LOG_STREAM_PREFIX, isChainedStream, verifyChain } from '@care-journey/audit';
import { type EventStore, type RecordedEvent } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { JOURNEY_STREAM_PREFIX } from '@care-journey/journey';

/** What a store file holds, checked by reading it back: events, head, and every hash chain. */
export interface StoreCheck {
  events: number;
  head: string | null;
  /** Journey streams (children). */
  streams: number;
  /** Days of the read-access trail (`access-log-YYYY-MM-DD` streams). */
  trailDays: number;
  /** Chained streams (journeys and trail days) whose chain does not verify. */
  brokenChains: string[];
}

/**
 * Reads a store end to end and verifies every hash chain in it (journeys and the read-access
 * trail). A chain shows a changed or removed event anywhere but at its tip: events cut off a
 * stream's end leave a shorter, valid chain, which only a head anchor taken earlier shows
 * (`audit verify-store --anchor`).
 */
export async function checkStoreEvents(store: EventStore): Promise<StoreCheck> {
  const byStream = new Map<string, RecordedEvent[]>();
  let events = 0;
  for await (const event of store.readAll()) {
    events += 1;
    if (!isChainedStream(event.streamId)) continue;
    const stream = byStream.get(event.streamId);
    if (stream) stream.push(event);
    else byStream.set(event.streamId, [event]);
  }
  const ids = [...byStream.keys()];
  return {
    events,
    head: (await store.headPosition())?.toString() ?? null,
    streams: ids.filter((id) => id.startsWith(JOURNEY_STREAM_PREFIX)).length,
    trailDays: ids.filter((id) => id.startsWith(ACCESS_LOG_STREAM_PREFIX)).length,
    brokenChains: ids.filter((id) => !verifyChain(byStream.get(id) ?? []).ok),
  };
}

/** `checkStoreEvents` of a SQLite file (a backup, or a copy about to be restored). */
export async function checkStore(file: string): Promise<StoreCheck> {
  const store = new SqliteEventStore({ file });
  try {
    return await checkStoreEvents(store);
  } finally {
    await store.close();
  }
}
