/**
 * `@care-journey/event-store/sqlite`: the SQLite adapter by name, for the callers that are SQLite's
 * by nature (the CLI's backup, restore and store checks, the partitioned rebuild, the bench, specs
 * on a temporary file). Everything else takes an EventStore from createEventStore and does not know
 * which adapter runs (architecture.md); an import of this path shows that a file does.
 */
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store';
export type { SynchronousMode } from './sqlite-schema';
export { partitionOf } from './sqlite-log-partition';
export { appendAfterPosition } from './sqlite-continue-after';
export { createOwnerOnlyFile, OWNER_ONLY_DIR_MODE, OWNER_ONLY_FILE_MODE } from './owner-only-file';
export { sqliteTableNames } from './sqlite-table-names';
export {
  byProcess,
  describeStoreUsers,
  HOST_ID_VARIABLE,
  HostIdError,
  otherStoreUsers,
  readHostId,
  registerStoreUse,
  removeStaleMarkers,
  storeMarkers,
  type MarkerState,
  type StoreMarker,
  type StoreUser,
} from './store-in-use';
