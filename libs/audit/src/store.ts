// The event-store port, its JSON helpers and errors, imported in one place.
export type { EventMetadata, EventStore, NewEvent, RecordedEvent } from '@care-journey/event-store';
export {
  bigintFromJson,
  readStreamOrEmpty,
  toJsonSafe,
  StoreUnavailable,
  StreamNotFound,
  WrongExpectedRevision,
} from '@care-journey/event-store';
