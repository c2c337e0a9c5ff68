import { JOURNEY_STREAM_PREFIX, type StoredJourneyEvent } from '@care-journey/journey';
import type { EventStore } from '../store';
import { toStoredJourneyEvent } from '../replay/stored-event';

/**
 * Every child's journey events known at knownAt, by child id: each stream's prefix up to its first
 * event recorded after knownAt (as replayHistory's knownAt), in recording order.
 */
export interface KnownJourneys {
  knownAt: string;
  /** Global position of the last event in the log when the read began: the read stops there. */
  head: bigint | undefined;
  /** Journey events read (up to head), known at knownAt or not. */
  eventsRead: number;
  /** Of those, the events recorded at or before knownAt. */
  eventsKnown: number;
  byChild: Map<string, StoredJourneyEvent[]>;
}

export interface KnownJourneysProgress {
  eventsRead: number;
  /** Position reached, and the head the read stops at: the fraction done. */
  position: bigint;
  head: bigint;
}

/** How often progress is reported (events read). */
export const PROGRESS_EVERY = 10_000;

/**
 * Reads every journey stream from the whole log (never the trail or reference streams) up to the
 * head as it was when the read began, so writes made meanwhile never half-count. Keeps each
 * stream's events up to its first one recorded after knownAt: recording instants do not follow the
 * log's order across streams (an import or a seed writes the past), so the whole log is read rather
 * than stopping at the first later one; within a stream they are a prefix (review s18-es F2).
 */
export async function readKnownJourneys(
  store: EventStore,
  knownAt: string,
  onProgress: (progress: KnownJourneysProgress) => void = () => undefined,
): Promise<KnownJourneys> {
  const head = await store.headPosition();
  const known: KnownJourneys = { knownAt, head, eventsRead: 0, eventsKnown: 0, byChild: new Map() };
  if (head === undefined) return known;
  const limit = Date.parse(knownAt);
  // Streams that reached an event recorded after knownAt: nothing later in them is known.
  const ended = new Set<string>();
  for await (const recorded of store.readAll({ filter: { streamPrefixes: [JOURNEY_STREAM_PREFIX] } })) {
    if (recorded.globalPosition > head) break;
    known.eventsRead += 1;
    if (known.eventsRead % PROGRESS_EVERY === 0)
      onProgress({ eventsRead: known.eventsRead, position: recorded.globalPosition, head });
    if (ended.has(recorded.streamId)) continue;
    if (Date.parse(recorded.metadata.recordedAt) > limit) {
      ended.add(recorded.streamId);
      continue;
    }
    known.eventsKnown += 1;
    const childId = recorded.streamId.slice(JOURNEY_STREAM_PREFIX.length);
    const event = toStoredJourneyEvent(recorded);
    const events = known.byChild.get(childId);
    if (events) events.push(event);
    else known.byChild.set(childId, [event]);
  }
  onProgress({ eventsRead: known.eventsRead, position: head, head });
  return known;
}
