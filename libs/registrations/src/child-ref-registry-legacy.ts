/**
 * Stores written before reservations existed: their children registered without a
 * `child-ref-<REF>` stream. The registry refuses their references to other children from a map read
 * once per process (`readLegacyHolders`); the one-off migration (`migrateLegacyReservations`)
 * writes the missing reservations and a marker, after which no process reads registrations at all.
 */
import type { EventStore, RecordedEvent } from '@care-journey/event-store';
import { readStreamOrEmpty } from '@care-journey/event-store';
import {
  CHILD_REF_RESERVED,
  CHILD_REF_SCHEMA_VERSION,
  CHILD_REF_STREAM_PREFIX,
  CHILD_REFS_MIGRATED,
  CHILD_REFS_MIGRATED_STREAM,
  JOURNEY_STREAM_PREFIX,
  normaliseChildRef,
  type ChildRefsMigratedData,
} from '@care-journey/journey';
import { nameBasedUuid } from './deterministic-id';

/**
 * Events read per query, with a turn of the event loop between two queries: a long read never
 * stalls an API for long, and one that stops at the first reservation parses no more than this.
 */
const EVENTS_PER_TURN = 250;

/**
 * References of children registered without a reservation, by the first child registered under
 * each. None once the store is migrated (one stream read). Otherwise the registrations written
 * before the log's first reservation: every writer since that one reserves (this assumes no older
 * version of the code still writes to the store), so on a store written with reservations from
 * the start this reads up to its first reservation only.
 */
export async function readLegacyHolders(store: EventStore): Promise<Map<string, string>> {
  const holders = new Map<string, string>();
  if (await isMigrated(store)) return holders;
  for await (const { childRef, childId } of registrationsBeforeReservations(store)) {
    const ref = normaliseChildRef(childRef);
    if (!holders.has(ref)) holders.set(ref, childId);
  }
  return holders;
}

/** A registration without a reservation: its reference as registered, and its child. */
export interface LegacyRegistration {
  childRef: string;
  childId: string;
}

export async function* registrationsBeforeReservations(
  store: EventStore,
): AsyncGenerator<LegacyRegistration> {
  const filter = {
    streamPrefixes: [JOURNEY_STREAM_PREFIX, CHILD_REF_STREAM_PREFIX],
    eventTypes: ['ChildRegistered', CHILD_REF_RESERVED],
  };
  let after: bigint | undefined;
  for (;;) {
    let read = 0;
    for await (const event of store.readAll({ fromPosition: after, maxCount: EVENTS_PER_TURN, filter })) {
      if (isReservation(event)) return;
      const registration = legacyRegistration(event);
      if (registration) yield registration;
      after = event.globalPosition;
      read += 1;
    }
    if (read < EVENTS_PER_TURN) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const isReservation = (event: RecordedEvent): boolean =>
  event.type === CHILD_REF_RESERVED && event.streamId.startsWith(CHILD_REF_STREAM_PREFIX);

function legacyRegistration(event: RecordedEvent): LegacyRegistration | undefined {
  if (event.type !== 'ChildRegistered' || !event.streamId.startsWith(JOURNEY_STREAM_PREFIX)) return undefined;
  const { childRef } = event.data;
  if (typeof childRef !== 'string') return undefined;
  return { childRef, childId: event.streamId.slice(JOURNEY_STREAM_PREFIX.length) };
}

export async function isMigrated(store: EventStore): Promise<boolean> {
  for await (const marker of readStreamOrEmpty(store, CHILD_REFS_MIGRATED_STREAM, { maxCount: 1 }))
    return marker.type === CHILD_REFS_MIGRATED;
  return false;
}

/** Reserves one reference for one child: the registry's `reserve`. */
export type Reserve = (childRef: string, childId: string) => Promise<boolean>;

export interface MigrationOutcome extends ChildRefsMigratedData {
  /** True when the store was already migrated: nothing was read or written. */
  alreadyMigrated: boolean;
}

/** Reservations in flight at once: concurrent appends share a commit (group commit). */
const CONCURRENT_RESERVATIONS = 64;

/**
 * The one-off migration: a reservation for every registration written without one (through the
 * registry's own `reserve`, so a reference two old children share stays with the first), then the
 * marker. Safe to run again after a crash: the reservations already written are found as retries.
 */
export async function migrateLegacyReservations(
  store: EventStore,
  reserve: Reserve,
  recording: { recordedAt: string; recordedBy: string },
): Promise<MigrationOutcome> {
  if (await isMigrated(store))
    return {
      alreadyMigrated: true,
      registrationsWithoutReservation: 0,
      reserved: 0,
      heldByAnotherChild: 0,
    };
  let registrations = 0;
  let reserved = 0;
  let inFlight: Promise<void>[] = [];
  for await (const { childRef, childId } of registrationsBeforeReservations(store)) {
    registrations += 1;
    inFlight.push(reserve(childRef, childId).then((held) => void (held && (reserved += 1))));
    if (inFlight.length >= CONCURRENT_RESERVATIONS) {
      await Promise.all(inFlight);
      inFlight = [];
    }
  }
  await Promise.all(inFlight);
  const data: ChildRefsMigratedData = {
    registrationsWithoutReservation: registrations,
    reserved,
    heldByAnotherChild: registrations - reserved,
  };
  await store.appendToStream(
    CHILD_REFS_MIGRATED_STREAM,
    [
      {
        id: nameBasedUuid(`child-refs-migrated\n${recording.recordedAt}\n${recording.recordedBy}`),
        type: CHILD_REFS_MIGRATED,
        data: { ...data },
        metadata: { ...recording, schemaVersion: CHILD_REF_SCHEMA_VERSION },
      },
    ],
    { expectedRevision: 'any' },
  );
  return { alreadyMigrated: false, ...data };
}
