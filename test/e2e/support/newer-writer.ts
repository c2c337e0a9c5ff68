import { chainEvents, chainTipAfter } from '@care-journey/audit';
import { readLastEvent, type EventStore } from '@care-journey/event-store';
import { currentSchemaVersion, journeyStream } from '@care-journey/journey';

/** The review a newer build wrote: its type's schema version one above what this build reads. */
export const NEWER_EVENT_ID = 'newer-build-review-1';
export const NEWER_VERSION = currentSchemaVersion('StatutoryReviewHeld') + 1;

/**
 * Appends to the child's stream what a newer build of Care Journey would (a rolling deploy half
 * done): a review whose data is at a schema version this build does not know, hash-chained as
 * every writer chains it, so the stream still verifies. Returns its global position.
 */
export async function appendAsNewerBuild(store: EventStore, childId: string): Promise<bigint> {
  const stream = journeyStream(childId);
  const [event] = chainEvents(chainTipAfter(stream, await readLastEvent(store, stream)), [
    {
      id: NEWER_EVENT_ID,
      type: 'StatutoryReviewHeld',
      data: { childId, effectiveDate: '2023-03-01', participationCode: 'PN1', chairedBy: 'a field v1 lacks' },
      metadata: {
        recordedAt: '2023-03-02T10:00:00.000Z',
        recordedBy: 'sw.newer',
        schemaVersion: NEWER_VERSION,
      },
    },
  ]);
  const { globalPosition } = await store.appendToStream(stream, [event], { expectedRevision: 'any' });
  return globalPosition;
}

/**
 * What /health/projections shows a signed-in caller while the projector is stuck on that review
 * (any mode): `failure` naming the event and why (no error text, no case data), and the reason.
 */
export function healthStuckOnNewerEvent(
  childId: string,
  position: bigint,
): { failure: unknown; reason: Record<string, unknown> } {
  const instant = expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown;
  return {
    failure: {
      attempts: expect.any(Number) as unknown,
      since: instant,
      lastAttemptAt: instant,
      nextAttemptAt: instant,
      event: {
        id: NEWER_EVENT_ID,
        type: 'StatutoryReviewHeld',
        streamId: journeyStream(childId),
        revision: '2',
        globalPosition: position.toString(),
      },
      error: {
        name: 'UnreadableEventSchema',
        message: expect.stringContaining('is newer than this code knows for StatutoryReviewHeld') as unknown,
        // Why and which versions (ops review s12 F14), and so health's reason.
        schema: {
          reason: 'newer',
          field: 'metadata.schemaVersion',
          dataType: 'StatutoryReviewHeld',
          version: NEWER_VERSION,
          readable: NEWER_VERSION - 1,
        },
      },
    },
    reason: {
      reason: 'newer-event-schema',
      newerEventSchema: {
        eventType: 'StatutoryReviewHeld',
        version: NEWER_VERSION,
        readable: NEWER_VERSION - 1,
      },
    },
  };
}
