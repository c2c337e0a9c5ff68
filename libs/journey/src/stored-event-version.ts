/**
 * The one version check for stored events that are not journey events (review s18-es F7): the
 * 903-reference and UPN registries, the read-access trail, the record of issued tokens and
 * verify-store's reading of reservations. Each of those types is at one version, with no upcaster
 * yet; an event of another version is refused by name, as a journey event is (event-schema.ts):
 * a newer one (a rolling deploy, a worker on an older build) is an outage to upgrade out of, never
 * data read as if it were the known shape.
 */
import { readableUpTo, UnreadableEventSchema, type StoredEventPlace } from './event-schema';

/** A stored event as the check needs it: where it is, and its metadata's schemaVersion. */
export interface VersionedStoredEvent extends StoredEventPlace {
  metadata?: Readonly<Record<string, unknown>>;
}

/**
 * Throws UnreadableEventSchema unless `event` is at version `known` (absent counts as 1): a
 * malformed or newer one in the journey check's words (readableUpTo), an older one as having no
 * upcaster. The error keeps the event's place only, never its metadata.
 */
export function assertKnownSchemaVersion(event: VersionedStoredEvent, known: number): void {
  const read = { place: event, dataType: event.type };
  const version = readableUpTo(read, event.metadata?.['schemaVersion'] ?? 1, known);
  if (version < known)
    throw new UnreadableEventSchema(event, version, known, 'no-upcaster', `has no upcaster to ${known}`);
}
