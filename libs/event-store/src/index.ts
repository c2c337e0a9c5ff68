export * from './event-store.port';
export * from './errors';
export * from './store-config';
export * from './create-event-store';
export * from './envelope-json';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export type { SynchronousMode } from './sqlite/sqlite-schema';
export { startWorkerBeside } from './worker-beside';
export { partitionOf, readLogPartition, type LogPartition } from './sqlite/sqlite-log-partition';
