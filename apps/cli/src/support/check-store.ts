import {
  ACCESS_LOG_STREAM_PREFIX,
  describeGap,
  describeMissingJourney,
  isChainedStream,
  isRegistryStream,
  PositionGaps,
  ReservedJourneys,
  verifyChain,
  type MissingJourney,
  type PositionGap,
} from '@care-journey/audit';
import { type EventStore, type RecordedEvent } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { JOURNEY_STREAM_PREFIX } from '@care-journey/journey';
import { RegistryCrossCheck, type RegistryMismatch } from '@care-journey/registrations';

/** What a store file holds, checked by reading it back: events, head, and every hash chain. */
export interface StoreCheck {
  events: number;
  head: string | null;
  /** Journey streams (children). */
  streams: number;
  /** Days of the read-access trail (`access-log-YYYY-MM-DD` streams). */
  trailDays: number;
  /** Reservation streams of the 903-reference and UPN registries. */
  registryStreams: number;
  /**
   * Registry events written before the registries were chained (session 19), accepted unstamped
   * at the start of their stream; every later event of the stream must link.
   */
  unchainedRegistryEvents: number;
  /** Chained streams (journeys, trail days, tokens issued, registries) whose chain does not verify. */
  brokenChains: string[];
  /**
   * Holes in the log's global positions (SQLite only: there every position from 1 to the head is
   * used, but for a restore's recorded hole); absent when the store's positions are not dense.
   */
  positionGaps?: PositionGap[];
  /** Journeys a held 903 reference says exist and the log does not hold (both stores). */
  missingJourneys: MissingJourney[];
  /** `positionGaps` and `missingJourneys` in words; verify-store fails when there is any. */
  missing: string[];
  /**
   * Where the 903-reference and UPN registries and the journeys disagree (a reservation's holder
   * moved, a reservation turned into a release): verify-store fails when there is any.
   */
  registryMismatches: RegistryMismatch[];
}

export interface CheckOptions {
  /** The store's positions are SQLite's rowids (dense): look for holes. */
  densePositions: boolean;
  /** Reservations recorded shortly before this are not yet expected to have their journey. */
  now?: Date;
}

/**
 * Reads a store end to end and verifies every hash chain in it (journeys, the read-access trail,
 * the tokens issued, and the registries' streams, whose events from before they were chained are
 * accepted at their start). A chain shows a changed or removed event anywhere but at its tip: a stream deleted whole
 * or events cut off a stream's end leave no broken chain. So the same read also looks for holes in
 * SQLite's global positions (any deleted event but the log's last) and for held 903 references
 * whose child has no journey (a journey deleted whole, on either store); what neither shows, a head
 * anchor taken earlier does (`audit verify-store --anchor`). The registries are compared with the
 * journeys too (RegistryCrossCheck). A few comparisons and prefix tests an event, no query.
 */
export async function checkStoreEvents(store: EventStore, options: CheckOptions): Promise<StoreCheck> {
  const byStream = new Map<string, RecordedEvent[]>();
  const gaps = options.densePositions ? new PositionGaps() : undefined;
  const reserved = new ReservedJourneys();
  const registries = new RegistryCrossCheck();
  let events = 0;
  // The log's first stamped registry event: registry events written after it must all be stamped.
  let firstStampedRegistry: bigint | undefined;
  for await (const event of store.readAll()) {
    events += 1;
    if (firstStampedRegistry === undefined && isRegistryStream(event.streamId) && isStamped(event))
      firstStampedRegistry = event.globalPosition;
    gaps?.see(event);
    registries.see(event);
    reserved.see(event);
    if (!isChainedStream(event.streamId)) continue;
    const stream = byStream.get(event.streamId);
    if (stream) stream.push(event);
    else byStream.set(event.streamId, [event]);
  }
  const ids = [...byStream.keys()];
  const brokenChains: string[] = [];
  let registryStreams = 0;
  let unchainedRegistryEvents = 0;
  for (const id of ids) {
    const registry = isRegistryStream(id);
    const chain = verifyChain(byStream.get(id) ?? [], {
      unchainedPrefix: registry && (firstStampedRegistry === undefined || { before: firstStampedRegistry }),
    });
    if (!chain.ok) brokenChains.push(id);
    if (!registry) continue;
    registryStreams += 1;
    unchainedRegistryEvents += chain.unchained ?? 0;
  }
  const now = options.now ?? new Date();
  const missingJourneys = reserved.missing((id) => byStream.has(id), now);
  return {
    events,
    head: (await store.headPosition())?.toString() ?? null,
    streams: ids.filter((id) => id.startsWith(JOURNEY_STREAM_PREFIX)).length,
    trailDays: ids.filter((id) => id.startsWith(ACCESS_LOG_STREAM_PREFIX)).length,
    registryStreams,
    unchainedRegistryEvents,
    brokenChains,
    ...(gaps && { positionGaps: gaps.gaps }),
    missingJourneys,
    missing: [...(gaps?.gaps ?? []).map(describeGap), ...missingJourneys.map(describeMissingJourney)],
    registryMismatches: registries.mismatches(now),
  };
}

/** `checkStoreEvents` of a SQLite file (a backup, or a copy about to be restored). */
export async function checkStore(file: string): Promise<StoreCheck> {
  const store = new SqliteEventStore({ file });
  try {
    return await checkStoreEvents(store, { densePositions: true });
  } finally {
    await store.close();
  }
}

/** Whether the event carries an integrity stamp (metadata.integrity), whatever its content. */
const isStamped = (event: RecordedEvent): boolean =>
  Object.prototype.hasOwnProperty.call(event.metadata, 'integrity');
