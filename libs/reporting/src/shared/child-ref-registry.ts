/**
 * Holds each 903 child reference for one child (libs/journey child-ref.ts): every writer that
 * registers children (the API, the seeder, the 903 import) reserves the reference here first,
 * then appends the registration. Shared so there is one rule and one stream format.
 */
import {
  DuplicateEventIds,
  StreamNotFound,
  WrongExpectedRevision,
  type EventStore,
} from '@care-journey/event-store';
import {
  CHILD_REF_RESERVED,
  CHILD_REF_SCHEMA_VERSION,
  childRefHolder,
  childRefStream,
  JOURNEY_STREAM_PREFIX,
  normaliseChildRef,
  type ChildRefReservedData,
} from '@care-journey/journey';
import { nameBasedUuid } from './deterministic-id';

/** Who records the reservation, and when (the registration's own recording). */
export interface ReservationRecording {
  recordedAt: string;
  recordedBy: string;
}

/**
 * Reserves references, and answers whether a child may hold one. One instance per process (or
 * per seed/import run): it keeps the references of children registered before reservations
 * existed, read once (see `legacyHolders`).
 */
export class ChildRefRegistry {
  private legacy: Promise<ReadonlyMap<string, string>> | undefined;

  constructor(private readonly store: EventStore) {}

  /**
   * True when `childId` now holds `childRef` (reserved just now, or already by this same child: a
   * retried registration goes on); false when another child holds it, and then nothing is written.
   */
  async reserve(childRef: string, childId: string, recording: ReservationRecording): Promise<boolean> {
    const stream = childRefStream(childRef);
    const earlier = (await this.legacyHolders()).get(normaliseChildRef(childRef));
    if (earlier !== undefined && earlier !== childId) return false;
    const data: ChildRefReservedData = { childRef, childId };
    // Appended without reading first (most references are new); a reservation already there makes
    // the store refuse it, and then its first event decides.
    try {
      await this.store.appendToStream(
        stream,
        [
          {
            // Name-based: the same child reserving twice at once is the store's exact retry.
            id: nameBasedUuid(`child-ref\n${normaliseChildRef(childRef)}\n${childId}`),
            type: CHILD_REF_RESERVED,
            data: { ...data },
            metadata: { ...recording, schemaVersion: CHILD_REF_SCHEMA_VERSION },
          },
        ],
        { expectedRevision: 'no_stream' },
      );
      return true;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision) && !(error instanceof DuplicateEventIds)) throw error;
      return (await this.holderOf(stream)) === childId;
    }
  }

  private async holderOf(stream: string): Promise<string | undefined> {
    try {
      for await (const first of this.store.readStream(stream, { maxCount: 1 })) return childRefHolder(first);
    } catch (error) {
      if (!(error instanceof StreamNotFound)) throw error;
    }
    return undefined;
  }

  /**
   * References of children already registered, by the first child registered under each, read
   * once per registry from the log (ChildRegistered events only). A store written before
   * reservations existed has none for its children; every registration since has one, so a
   * single read is enough as long as no older version of this code writes to the store meanwhile.
   */
  private legacyHolders(): Promise<ReadonlyMap<string, string>> {
    this.legacy ??= this.readLegacyHolders().catch((error: unknown) => {
      this.legacy = undefined; // a failed read is tried again next time
      throw error;
    });
    return this.legacy;
  }

  private async readLegacyHolders(): Promise<ReadonlyMap<string, string>> {
    const holders = new Map<string, string>();
    const registrations = this.store.readAll({
      filter: { streamPrefixes: [JOURNEY_STREAM_PREFIX], eventTypes: ['ChildRegistered'] },
    });
    for await (const event of registrations) {
      const { childRef } = event.data;
      if (typeof childRef !== 'string') continue;
      const ref = normaliseChildRef(childRef);
      if (!holders.has(ref)) holders.set(ref, event.streamId.slice(JOURNEY_STREAM_PREFIX.length));
    }
    return holders;
  }
}
