import type { EventStore } from './event-store.port';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { loadStoreConfig, type StoreConfig } from './store-config';

/** How a store is opened besides its config. */
export interface OpenOptions {
  /**
   * A connection that only reads (a projector or rebuild thread beside the process that appends):
   * on SQLite, no writer or checkpoint thread of its own.
   */
  readsOnly?: boolean;
  /** SQLite: how often its subscriptions look for new events written by other processes. */
  pollIntervalMs?: number;
}

/**
 * Builds the configured store. The ESDB adapter is loaded only when chosen, so a SQLite
 * deployment never loads the gRPC client.
 */
export async function createEventStore(
  config: StoreConfig = loadStoreConfig(),
  options: OpenOptions = {},
): Promise<EventStore> {
  if (config.kind === 'sqlite') {
    return new SqliteEventStore({
      file: config.file,
      synchronous: config.synchronous,
      ...(!options.readsOnly && {
        writer: config.writer,
        checkpoints: config.checkpoints,
        checkpointPages: config.checkpointPages,
      }),
      ...(options.pollIntervalMs !== undefined && { pollIntervalMs: options.pollIntervalMs }),
    });
  }
  const { EventStoreDbEventStore } = await import('./eventstoredb/esdb-event-store');
  return EventStoreDbEventStore.connect(config.connectionString);
}
