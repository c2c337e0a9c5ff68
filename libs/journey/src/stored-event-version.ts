/**
 * The one version check for stored events that are not journey events (review s18-es F7): the
 * 903-reference and UPN registries, the read-access trail, the record of issued tokens and
 * verify-store's reading of reservations. Each of those types is at one version, with no upcaster
 * yet; an event of another version is refused by name, as a journey event is (event-schema.ts):
 * a newer one (a rolling deploy, a worker on an older build) is an outage to upgrade out of, never
 * data read as if it were the known shape.
 */
import { UnreadableEventSchema, type StoredEventPlace } from './event-schema';

/** A stored event as the check needs it: where it is, and its metadata's schemaVersion. */
export interface VersionedStoredEvent extends StoredEventPlace {
  metadata?: Readonly<Record<string, unknown>>;
}

/** Throws UnreadableEventSchema unless `event` is at version `known` (absent counts as 1). */
export function assertKnownSchemaVersion(event: VersionedStoredEvent, known: number): void {
  const version = event.metadata?.['schemaVersion'] ?? 1;
  if (version === known) return;
  const { id, type, streamId, revision, globalPosition } = event;
  const place = { id, type, streamId, revision, globalPosition };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new UnreadableEventSchema(place, version, known, 'malformed', 'must be a whole number >= 1');
  if (version > known)
    throw new UnreadableEventSchema(
      place,
      version,
      known,
      'newer',
      `is newer than this code knows for ${type} (${known}): upgrade before reading this store`,
    );
  throw new UnreadableEventSchema(place, version, known, 'no-upcaster', `has no upcaster to ${known}`);
}
