/**
 * Children the log says should have a journey and that have none. Every writer reserves a 903
 * reference (`child-ref-<REF>`, libs/journey child-ref.ts) before it writes the registration, so a
 * reference still held by a child id whose `journey-<id>` stream has no event is a journey deleted
 * whole, or a registration that never completed (a crash or a failed write between the
 * reservation and the registration; a writer refused for a reason it knows, such as a UPN lost to
 * another child, releases the reference itself). The second is resolved by `care-journey child-ref release`,
 * which refuses while the journey exists and records who released it and why; after that the
 * reservation no longer counts. A reservation younger than `SETTLE_MS` is left out: on a live
 * store its registration may be being written while the check reads.
 *
 * Works on both stores (it reads events, not positions). It cannot see a journey deleted together
 * with its reservation, nor one of a child registered before reservations existed.
 */
import {
  assertKnownSchemaVersion,
  CHILD_REF_SCHEMA_VERSION,
  childRefHolding,
  CHILD_REF_STREAM_PREFIX,
  journeyStream,
} from '@care-journey/journey';

/** How long a registration may take after its reservation (the UPN registry's own bound). */
export const SETTLE_MS = 10 * 60_000;

export interface MissingJourney {
  streamId: string;
  childId: string;
  /** The reference stream that holds it for the child. */
  reservedBy: string;
  /** When the reservation was recorded. */
  reservedAt: string | null;
}

interface ReadEvent {
  id: string;
  streamId: string;
  type: string;
  data: unknown;
  metadata?: unknown;
}

const metadataOf = (metadata: unknown): Record<string, unknown> | undefined =>
  typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>) : undefined;

const recordedAtOf = (metadata: unknown): string | null => {
  const value = (metadata as { recordedAt?: unknown } | undefined)?.recordedAt;
  return typeof value === 'string' ? value : null;
};

export class ReservedJourneys {
  /** Each reference stream's latest event (the holding is read once, at the end). */
  private readonly latest = new Map<string, ReadEvent>();

  /** Takes every event of the log; keeps only the reference streams' latest. */
  see(event: ReadEvent): void {
    if (event.streamId.startsWith(CHILD_REF_STREAM_PREFIX)) this.latest.set(event.streamId, event);
  }

  /** The held references whose child has no journey, given the journeys the log holds. */
  missing(hasStream: (streamId: string) => boolean, now: Date): MissingJourney[] {
    const settledBefore = now.getTime() - SETTLE_MS;
    const missing: MissingJourney[] = [];
    for (const [reservedBy, event] of this.latest) {
      // A reservation of a version this build does not know is refused by name (review s18-es F7).
      assertKnownSchemaVersion({ ...event, metadata: metadataOf(event.metadata) }, CHILD_REF_SCHEMA_VERSION);
      const holding = childRefHolding({
        type: event.type,
        data: (event.data ?? {}) as Record<string, unknown>,
      });
      if (!holding?.held) continue;
      const streamId = journeyStream(holding.childId);
      const reservedAt = recordedAtOf(event.metadata);
      const settled = reservedAt === null || Date.parse(reservedAt) < settledBefore;
      if (settled && !hasStream(streamId))
        missing.push({ streamId, childId: holding.childId, reservedBy, reservedAt });
    }
    return missing.sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
  }
}

/** The words verify-store prints for a missing journey. */
export const describeMissingJourney = ({
  streamId,
  childId,
  reservedBy,
  reservedAt,
}: MissingJourney): string =>
  `${streamId} is missing: ${reservedBy} holds its reference for child ${childId}` +
  `${reservedAt ? ` (reserved ${reservedAt})` : ''}, and the log holds no event of ${streamId}: ` +
  'deleted, or a registration that never completed (then `care-journey child-ref release` it)';
