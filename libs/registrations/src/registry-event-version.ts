import type { RecordedEvent } from '@care-journey/event-store';
import { assertKnownSchemaVersion } from '@care-journey/journey';

/**
 * Refuses, by name, a registry event this build cannot read (review s18-es F7): written by a newer
 * build (a rolling deploy, a projector worker on an older one), or with a version that is not a whole
 * number >= 1. The registries decide 903 rule 444 and one reference per child, so a newer reservation
 * folded as if it were the known shape would be silently wrong. The one check every non-journey read
 * goes through (libs/journey stored-event-version.ts); every registry event type is at version
 * `known` (no upcasters yet).
 */
export function assertReadableRegistryEvent(event: RecordedEvent, known: number): void {
  assertKnownSchemaVersion(event, known);
}
