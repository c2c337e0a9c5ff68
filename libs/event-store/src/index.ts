/**
 * The port (EventStore and its types), the factory that picks an adapter from the configuration, the
 * errors every adapter raises, and helpers written against the port alone. The SQLite adapter itself
 * is `@care-journey/event-store/sqlite` (sqlite/index.ts), for the few callers that are SQLite's.
 */
export * from './event-store.port';
export * from './errors';
export * from './store-config';
export * from './create-event-store';
export * from './envelope-json';
export { readLastEvent } from './read-last-event';
export { readStreamOrEmpty } from './read-stream-or-empty';
export { startWorkerBeside } from './worker-beside';
export { SWC_CACHE_VARIABLE, tsRequireHookFile, type TsRequireHookOptions } from './ts-require-hook';
