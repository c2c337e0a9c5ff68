export * from './event-store.port';
export * from './errors';
export * from './store-config';
export * from './create-event-store';
export * from './envelope-json';
export { readLastEvent } from './read-last-event';
export { readStreamOrEmpty } from './read-stream-or-empty';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export type { SynchronousMode } from './sqlite/sqlite-schema';
export { startWorkerBeside } from './worker-beside';
export { tsRequireHookFile, type TsRequireHookOptions } from './ts-require-hook';
export { partitionOf } from './sqlite/sqlite-log-partition';
export { appendAfterPosition } from './sqlite/sqlite-continue-after';
export { createOwnerOnlyFile, OWNER_ONLY_DIR_MODE, OWNER_ONLY_FILE_MODE } from './sqlite/owner-only-file';
export {
  byProcess,
  describeStoreUsers,
  otherStoreUsers,
  registerStoreUse,
  type StoreUser,
} from './sqlite/store-in-use';
