import type { EventStore } from '@care-journey/event-store';
import { JOURNEY_STREAM_PREFIX } from '@care-journey/journey';

/** Whether the store holds any child's journey (one event read). */
export async function holdsJourneys(store: EventStore): Promise<boolean> {
  for await (const _event of store.readAll({
    maxCount: 1,
    filter: { streamPrefixes: [JOURNEY_STREAM_PREFIX] },
  }))
    return true;
  return false;
}
