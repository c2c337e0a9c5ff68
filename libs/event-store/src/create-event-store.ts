import type { EventStore } from './event-store.port';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { loadStoreConfig, type StoreConfig } from './store-config';

/**
 * Builds the configured store. The ESDB adapter is loaded only when chosen, so a SQLite
 * deployment never loads the gRPC client.
 */
export async function createEventStore(config: StoreConfig = loadStoreConfig()): Promise<EventStore> {
  if (config.kind === 'sqlite') {
    return new SqliteEventStore({
      file: config.file,
      synchronous: config.synchronous,
      writer: config.writer,
      checkpoints: config.checkpoints,
      checkpointPages: config.checkpointPages,
    });
  }
  const { EventStoreDbEventStore } = await import('./eventstoredb/esdb-event-store');
  return EventStoreDbEventStore.connect(config.connectionString);
}
