import type { RecordedEvent } from '@care-journey/event-store';
import { UnreadableEventSchema } from '@care-journey/journey';

/**
 * Refuses, by name, a registry event this build cannot read (review s18-es F7): written by a newer
 * build (a rolling deploy, a projector worker on an older one), or with a version that is not a whole
 * number >= 1. The registries decide 903 rule 444 and one reference per child, so a newer reservation
 * folded as if it were the known shape would be silently wrong; the journeys have the same rule
 * (libs/journey event-schema.ts). Every registry event type is at version `known` (no upcasters yet).
 */
export function assertReadableRegistryEvent(event: RecordedEvent, known: number): void {
  const version = event.metadata.schemaVersion ?? 1;
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
