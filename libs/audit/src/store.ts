// The event-store port and its JSON helpers, imported in one place: point this file at
// `@care-journey/event-store` once that package index is committed.
export type { EventMetadata, EventStore, NewEvent, RecordedEvent } from '../../event-store/src/event-store.port';
export { bigintFromJson, toJsonSafe } from '../../event-store/src/envelope-json';
export { StreamNotFound, WrongExpectedRevision } from '../../event-store/src/errors';
