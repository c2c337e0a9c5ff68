import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { StoreUnavailable } from '../../../../libs/event-store/src/errors';
import type { StoreConfig } from './store-config';

/** Opens the configured store through the event-store library's factory. */
export async function openEventStore(config: StoreConfig): Promise<EventStore> {
  // Replaced by the library's createEventStore as soon as the adapters land.
  throw new StoreUnavailable(`No event store adapter available yet for ${config.kind}`);
}
