import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  createEventStore,
  loadStoreConfig,
  type EventStore,
  type StoreConfig,
} from '@care-journey/event-store';

/**
 * Opens the configured event store for a command that reads it (export, rebuild, measures, audit).
 * Opening a SQLite file creates it, so a mistyped CARE_JOURNEY_SQLITE_FILE would otherwise give an
 * empty store and a "successful" empty return; such a command refuses a missing file instead.
 */
export async function openExistingStore(config: StoreConfig = loadStoreConfig()): Promise<EventStore> {
  if (config.kind === 'sqlite' && !existsSync(resolve(config.file))) {
    throw new Error(
      `no event store at ${resolve(config.file)} (CARE_JOURNEY_SQLITE_FILE): check the path; this command only reads a store`,
    );
  }
  return createEventStore(config);
}
