/**
 * Holds each 903 child reference for one child (libs/journey child-ref.ts): every writer that
 * registers children (the API, the seeder, the 903 import) reserves the reference here first,
 * then appends the registration; an amendment giving a reference reserves it too. Shared so there
 * is one rule and one stream format. A reference whose holder's journey never carried it is
 * released (`ChildRefReleased`) by an admin (a holder that never became a child, or a child's
 * amendment never recorded, either once its hold is older than SETTLE_MS) or by the amendment itself when
 * its append is refused (`releaseUnrecorded`); it can then be reserved again.
 */
import { randomUUID } from 'node:crypto';
import {
  DuplicateEventIds,
  readStreamOrEmpty,
  WrongExpectedRevision,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type RecordedEvent,
} from '@care-journey/event-store';
import {
  CHILD_REF_RELEASED,
  CHILD_REF_RESERVED,
  CHILD_REF_SCHEMA_VERSION,
  childRefHolding,
  childRefProblem,
  childRefStream,
  journeyStream,
  normaliseChildRef,
  type ChildRefHolding,
  type ChildRefReleasedData,
  type ChildRefReservedData,
} from '@care-journey/journey';
import { chainedRegistryEvent } from './chained-registry-event';
import { ChildRefReleaseRefused, refusal, type ReleaseProblem } from './child-ref-registry-errors';
import { nameBasedUuid } from './deterministic-id';
import {
  migrateLegacyReservations,
  readLegacyHolders,
  type MigrationOutcome,
} from './child-ref-registry-legacy';
import { readCarried, type CarriedByJourney } from './journey-carried';
import { assertReadableRegistryEvent } from './registry-event-version';
import { releaseReasonProblems } from './release-reason';
import { holdSettling } from './settle-window';

/** Who records the reservation, and when (the registration's own recording). */
export interface ReservationRecording {
  recordedAt: string;
  recordedBy: string;
  /** The request's correlation and causation ids, stored in the metadata as on its journey event (review s18-es F6). */
  correlationId?: string;
  causationId?: string;
}

/** What a release recorded. */
export interface ChildRefRelease extends AppendResult {
  childRef: string;
  /** The id that held the reference (and whose journey never carried it). */
  childId: string;
  /** Whether that id is a child (an amendment reserved the reference and was never recorded). */
  holderRegistered: boolean;
}

/**
 * What a reservation came to: held or not, and when this call wrote it, the revision of its
 * reservation (undefined: the child held it already, e.g. a retry).
 */
export type ReservationClaim = { held: false } | { held: true; reservedAt?: bigint };
/** Who reserves: a registration (the API's, the seeder's, the import's) or an amendment of one. */
export type ClaimingWriter = 'registration' | 'amendment';
const NOT_HELD: ReservationClaim = { held: false };

/** A condition on another stream an append is written under. */
type ChildRefCondition = NonNullable<AppendOptions['onlyIf']>;

/** A reference stream's latest event, read as who holds it. */
interface LatestHolding {
  holding: ChildRefHolding;
  /** The event itself: the next one appends after it and links to its hash. */
  event: RecordedEvent;
}

/** Reads of a released reference before a reservation gives up (each lost race re-reads once). */
const RESERVE_ATTEMPTS = 3;

/**
 * Reserves and releases references, and answers whether a child may hold one. One instance per
 * process (or per seed/import run): it keeps the references of children registered before
 * reservations existed, read once (see child-ref-registry-legacy.ts).
 */
export class ChildRefRegistry {
  private legacy: Promise<ReadonlyMap<string, string>> | undefined;

  constructor(private readonly store: EventStore) {}

  /**
   * True when `childId` now holds `childRef` (reserved just now, or already by this same child: a
   * retried registration goes on); false when another child holds it, and then nothing is written.
   */
  async reserve(childRef: string, childId: string, recording: ReservationRecording): Promise<boolean> {
    return (await this.claim(childRef, childId, recording)).held;
  }

  /**
   * `reserve`, telling, when this call took the reference for the child (from no one, or from a
   * release), the revision of its reservation: what an amendment whose append is refused releases
   * again (`releaseUnrecorded`), and only that, so the release puts the stream back as it was. For
   * an amendment (`for: 'amendment'`) the reservation it relies on is always its own: a hold by this
   * child that its journey has not carried (another attempt's under way, or one a crash left) is
   * renewed by a reservation of this attempt's, so the other attempt's release (which needs its own
   * reservation to be the stream's latest) cannot pull it from under this one; a renewal is never
   * released (`reservedAt` is undefined), as the child held the reference before it. Its ids are
   * random, so no other attempt's reservation passes for this one's as an exact retry would.
   */
  async claim(
    childRef: string,
    childId: string,
    recording: ReservationRecording,
    { for: writer = 'registration' }: { for?: ClaimingWriter } = {},
  ): Promise<ReservationClaim> {
    const earlier = (await this.legacyHolders()).get(normaliseChildRef(childRef));
    if (earlier !== undefined && earlier !== childId) return NOT_HELD;
    // The common case, a new reference: one blind append. A stream already there makes the store
    // refuse it, and then its latest event decides.
    try {
      const written = await this.appendReservation(childRef, childId, recording, undefined, writer);
      return { held: true, reservedAt: written.nextExpectedRevision };
    } catch (error) {
      if (!isClash(error)) throw error;
    }
    return this.reserveTaken(childRef, childId, recording, writer);
  }

  /**
   * The reference's stream exists: held (by this child: a retry, it goes on; by another: refused),
   * or released, and then reserved again at the revision read, so of two children racing for it
   * the store lets one win.
   */
  private async reserveTaken(
    childRef: string,
    childId: string,
    recording: ReservationRecording,
    writer: ClaimingWriter,
  ): Promise<ReservationClaim> {
    for (let attempt = 0; attempt < RESERVE_ATTEMPTS; attempt++) {
      const latest = await this.latestHolding(childRefStream(childRef));
      if (!latest) throw new Error(`${childRefStream(childRef)} holds no reservation or release`);
      const { holding, event } = latest;
      if (holding.held) {
        if (holding.childId !== childId) return NOT_HELD;
        if (writer === 'registration' || (await this.carries(childId, childRef))) return { held: true };
        // An amendment: renewed below, so another attempt's release (which needs its own
        // reservation to be the latest) cannot pull the hold from under this one.
      } else if (holding.releasedFrom !== childId && (await this.carries(holding.releasedFrom, childRef))) {
        // A registration (or amendment) that had found its reservation before the release may
        // have landed since: then the reference is still that child's.
        return NOT_HELD;
      }
      try {
        const written = await this.appendReservation(childRef, childId, recording, event, writer);
        // A renewal is never released: the child held the reference before it, and may rely on it.
        return holding.held ? { held: true } : { held: true, reservedAt: written.nextExpectedRevision };
      } catch (error) {
        if (!isClash(error)) throw error;
      }
    }
    return NOT_HELD;
  }

  /** A reservation after `last`, the stream's latest event (undefined: a new stream), chained to it. */
  private appendReservation(
    childRef: string,
    childId: string,
    recording: ReservationRecording,
    last: RecordedEvent | undefined,
    writer: ClaimingWriter = 'registration',
  ): Promise<AppendResult> {
    const data: ChildRefReservedData = { childRef, childId };
    const stream = childRefStream(childRef);
    const { event, expectedRevision } = chainedRegistryEvent(stream, last, {
      id:
        writer === 'amendment'
          ? randomUUID()
          : reservationId(childRef, childId, recording, last ? last.revision : 'no_stream'),
      type: CHILD_REF_RESERVED,
      data: { ...data },
      metadata: { ...recording, schemaVersion: CHILD_REF_SCHEMA_VERSION },
    });
    return this.store.appendToStream(stream, [event], { expectedRevision });
  }

  /**
   * Releases a reference whose holder's journey never carried it: a holder that never became a
   * child (a crash between the reservation and a registration never sent again), or a child whose
   * amendment reserved it and was never recorded. Appends `ChildRefReleased` after the reservation,
   * at the revision read, only while the holder's journey is as read; nothing is edited or deleted.
   * Throws ChildRefReleaseRefused (nothing written) for bad input, an unknown reference, one
   * already released, one the holder's journey carries (child-ref-holder-registered: a reference
   * that once named a child never names another), one that changed meanwhile, or a reservation
   * younger than SETTLE_MS or of no readable time, registered holder or not (child-ref-hold-settling,
   * review s20 diff F3 and review2 M1): a registration or amendment carrying it may still be under
   * way, and an amendment's journey append has no condition on this
   * stream, so a release now could free a reference the child is about to carry. `byHolder`: the
   * holder itself undoing the reservation it has just made (a seed or import child refused its UPN
   * after it reserved its reference): no settle window then, as nothing of that child is coming.
   */
  async release(
    childRef: unknown,
    reason: unknown,
    recording: ReservationRecording,
    { byHolder }: { byHolder?: string } = {},
  ): Promise<ChildRefRelease> {
    const problems = releaseInputProblems(childRef, reason);
    if (problems.length > 0) throw new ChildRefReleaseRefused('invalid', problems);
    const ref = normaliseChildRef(childRef as string);
    const latest = await this.latestHolding(childRefStream(ref));
    if (!latest)
      throw refusal(
        'not-found',
        'child-ref-not-reserved',
        `childRef ${ref} is not reserved: nothing to release`,
      );
    const { holding, event: last } = latest;
    if (!holding.held)
      throw refusal(
        'conflict',
        'child-ref-already-released',
        `childRef ${ref} was already released (from ${holding.releasedFrom}): it is free to reserve`,
      );
    const journey = await readCarried(this.store, holding.childId);
    if (journey?.names.childRefs.has(ref)) throw carriedRefusal(ref, holding.childId, 'is');
    if (byHolder !== holding.childId) refuseUnsettled(ref, holding.childId, last, recording);
    return this.appendRelease(ref, holding.childId, last, (reason as string).trim(), recording, journey);
  }

  /**
   * The compensation of an amendment whose journey append was refused after it reserved `childRef`
   * (`claim`'s `reservedAt`): releases it while that reservation is still the stream's latest event
   * and the child's journey, read now, has not carried it (an append that did land after all keeps
   * it). False when it did not (nothing written then: `audit verify-store` names a hold left so, and
   * `release` frees it). A crash before this runs leaves the same hold, with the same remedy.
   */
  async releaseUnrecorded(
    childRef: string,
    childId: string,
    reservedAt: bigint,
    reason: string,
    recording: ReservationRecording,
  ): Promise<boolean> {
    const ref = normaliseChildRef(childRef);
    const latest = await this.latestHolding(childRefStream(ref));
    if (!latest || latest.event.revision !== reservedAt) return false;
    if (!latest.holding.held || latest.holding.childId !== childId) return false;
    const journey = await readCarried(this.store, childId);
    if (journey?.names.childRefs.has(ref)) return false;
    try {
      await this.appendRelease(ref, childId, latest.event, reason, recording, journey);
      return true;
    } catch (error) {
      if (error instanceof ChildRefReleaseRefused) return false;
      throw error;
    }
  }

  /**
   * `ChildRefReleased` after `last`, only while the holder's journey is at the revision read
   * (no_stream when it had none), in the same transaction on SQLite: a registration or amendment
   * carrying the reference that lands first makes this a refusal.
   */
  private async appendRelease(
    ref: string,
    childId: string,
    last: RecordedEvent,
    reason: string,
    recording: ReservationRecording,
    journey: CarriedByJourney | undefined,
  ): Promise<ChildRefRelease> {
    const stream = childRefStream(ref);
    const data: ChildRefReleasedData = { childRef: ref, childId, reason };
    const { event, expectedRevision } = chainedRegistryEvent(stream, last, {
      id: randomUUID(),
      type: CHILD_REF_RELEASED,
      data: { ...data },
      metadata: { ...recording, schemaVersion: CHILD_REF_SCHEMA_VERSION },
    });
    const journeyAt: ChildRefCondition = {
      stream: journeyStream(childId),
      revision: journey?.revision ?? 'no_stream',
    };
    try {
      const result = await this.store.appendToStream(stream, [event], {
        expectedRevision,
        onlyIf: journeyAt,
      });
      return { childRef: ref, childId, holderRegistered: journey !== undefined, ...result };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      if (error.stream === journeyAt.stream) throw carriedRefusal(ref, childId, 'may be');
      throw refusal(
        'conflict',
        'child-ref-changed',
        `childRef ${ref} changed while it was being released (reserved or released meanwhile): look again`,
      );
    }
  }

  /**
   * Writes the reservations a store from before reservations lacks, once, so no process needs to
   * read its registrations again (child-ref-registry-legacy.ts).
   */
  migrate(recording: ReservationRecording): Promise<MigrationOutcome> {
    return migrateLegacyReservations(
      this.store,
      (childRef, childId) => this.reserve(childRef, childId, recording),
      recording,
    );
  }

  /** The stream's latest event as a holding; undefined when there is no such stream. */
  private async latestHolding(stream: string): Promise<LatestHolding | undefined> {
    for await (const latest of readStreamOrEmpty(this.store, stream, {
      direction: 'backwards',
      maxCount: 1,
    })) {
      assertReadableRegistryEvent(latest, CHILD_REF_SCHEMA_VERSION);
      const holding = childRefHolding(latest);
      if (!holding)
        throw new Error(`${stream} ends with ${latest.type}, neither a reservation nor a release`);
      return { holding, event: latest };
    }
    return undefined;
  }

  /** Whether `childId`'s journey has carried `childRef` (at its registration or by an amendment). */
  private async carries(childId: string, childRef: string): Promise<boolean> {
    const journey = await readCarried(this.store, childId);
    return !!journey?.names.childRefs.has(normaliseChildRef(childRef));
  }

  /** References of children registered before reservations existed, read once per registry. */
  private legacyHolders(): Promise<ReadonlyMap<string, string>> {
    this.legacy ??= readLegacyHolders(this.store).catch((error: unknown) => {
      this.legacy = undefined; // a failed read is tried again next time
      throw error;
    });
    return this.legacy;
  }
}

/**
 * Name-based, so a seed or an import re-run with the same instant writes the same events (a crash
 * and a re-run end as one clean run): the same reservation sent twice is the store's exact retry.
 * The instant and recorder are part of the name because the store answers an id it already holds
 * in the stream as a successful retry without writing: a child whose reservation was released
 * and who asks again later must append a new one, not be told its old one is still there.
 */
function reservationId(
  childRef: string,
  childId: string,
  { recordedAt, recordedBy }: ReservationRecording,
  expectedRevision: 'no_stream' | bigint,
): string {
  const after = expectedRevision === 'no_stream' ? '' : `\nafter ${expectedRevision}`;
  return nameBasedUuid(
    `child-ref\n${normaliseChildRef(childRef)}\n${childId}\n${recordedAt}\n${recordedBy}${after}`,
  );
}

/** A release refused because the holder's journey carries the reference, or was written meanwhile and may. */
function carriedRefusal(ref: string, childId: string, verb: 'is' | 'may be'): ChildRefReleaseRefused {
  const journey =
    verb === 'is'
      ? 'whose journey carries it (at its registration or by an amendment)'
      : 'whose journey was written while the release was being written (a registration or amendment may carry it)';
  return refusal(
    'conflict',
    'child-ref-holder-registered',
    `childRef ${ref} is held by child ${childId}, ${journey}: a reference is released only when its holder's ` +
      'journey never carried it (one that named a child in a return never names another)',
  );
}

/** Refuses releasing a reservation under SETTLE_MS old at `recording`'s instant, or of no readable time. */
function refuseUnsettled(
  ref: string,
  childId: string,
  reservation: RecordedEvent,
  { recordedAt }: ReservationRecording,
): void {
  const settling = holdSettling(reservation, recordedAt);
  if (settling === undefined) return;
  throw refusal(
    'conflict',
    'child-ref-hold-settling',
    `childRef ${ref} was reserved for child ${childId} ${settling}`,
  );
}

const isClash = (error: unknown): boolean =>
  error instanceof WrongExpectedRevision || error instanceof DuplicateEventIds;

function releaseInputProblems(childRef: unknown, reason: unknown): ReleaseProblem[] {
  const problems: ReleaseProblem[] = [];
  const refProblem = childRefProblem(childRef);
  if (refProblem) problems.push({ field: 'childRef', rule: 'child-ref-format', message: refProblem });
  problems.push(...releaseReasonProblems(reason, 'reference'));
  return problems;
}
