// The event-store port's types, imported in one place: the port has no package index yet,
// so this is the only file that needs to change when `@care-journey/event-store` exports them.
export type { EventMetadata, EventStore, NewEvent, RecordedEvent } from '../../event-store/src/event-store.port';
