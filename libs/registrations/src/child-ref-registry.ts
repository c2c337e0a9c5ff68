/**
 * Holds each 903 child reference for one child (libs/journey child-ref.ts): every writer that
 * registers children (the API, the seeder, the 903 import) reserves the reference here first,
 * then appends the registration. Shared so there is one rule and one stream format. An admin may
 * release a reference whose holder never became a child; it can then be reserved again.
 */
import { randomUUID } from 'node:crypto';
import {
  DuplicateEventIds,
  readStreamOrEmpty,
  WrongExpectedRevision,
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
  RELEASE_REASON_MAX_LENGTH,
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
import { assertReadableRegistryEvent } from './registry-event-version';

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
  /** The id that held the reference (and never became a child). */
  childId: string;
}

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
    const earlier = (await this.legacyHolders()).get(normaliseChildRef(childRef));
    if (earlier !== undefined && earlier !== childId) return false;
    // The common case, a new reference: one blind append. A stream already there makes the store
    // refuse it, and then its latest event decides.
    try {
      await this.appendReservation(childRef, childId, recording, undefined);
      return true;
    } catch (error) {
      if (!isClash(error)) throw error;
    }
    return this.reserveTaken(childRef, childId, recording);
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
  ): Promise<boolean> {
    for (let attempt = 0; attempt < RESERVE_ATTEMPTS; attempt++) {
      const latest = await this.latestHolding(childRefStream(childRef));
      if (!latest) throw new Error(`${childRefStream(childRef)} holds no reservation or release`);
      const { holding, event } = latest;
      if (holding.held) return holding.childId === childId;
      // A registration that had found its reservation before the release may have landed since:
      // then the reference is still that child's.
      if (holding.releasedFrom !== childId && (await this.hasJourney(holding.releasedFrom))) return false;
      try {
        await this.appendReservation(childRef, childId, recording, event);
        return true;
      } catch (error) {
        if (!isClash(error)) throw error;
      }
    }
    return false;
  }

  /** A reservation after `last`, the stream's latest event (undefined: a new stream), chained to it. */
  private appendReservation(
    childRef: string,
    childId: string,
    recording: ReservationRecording,
    last: RecordedEvent | undefined,
  ): Promise<AppendResult> {
    const data: ChildRefReservedData = { childRef, childId };
    const stream = childRefStream(childRef);
    const { event, expectedRevision } = chainedRegistryEvent(stream, last, {
      id: reservationId(childRef, childId, recording, last ? last.revision : 'no_stream'),
      type: CHILD_REF_RESERVED,
      data: { ...data },
      metadata: { ...recording, schemaVersion: CHILD_REF_SCHEMA_VERSION },
    });
    return this.store.appendToStream(stream, [event], { expectedRevision });
  }

  /**
   * Releases a reference whose holder never became a child (no journey stream), e.g. after a crash
   * between the reservation and a registration that was never sent again. Appends
   * `ChildRefReleased` after the reservation, at the revision read; nothing is edited or deleted.
   * Throws ChildRefReleaseRefused (nothing written) for bad input, an unknown reference, one
   * already released, one whose holder is registered, or one that changed meanwhile.
   */
  async release(
    childRef: unknown,
    reason: unknown,
    recording: ReservationRecording,
  ): Promise<ChildRefRelease> {
    const problems = releaseInputProblems(childRef, reason);
    if (problems.length > 0) throw new ChildRefReleaseRefused('invalid', problems);
    const ref = normaliseChildRef(childRef as string);
    const stream = childRefStream(ref);
    const latest = await this.latestHolding(stream);
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
    if (await this.hasJourney(holding.childId))
      throw refusal(
        'conflict',
        'child-ref-holder-registered',
        `childRef ${ref} is held by child ${holding.childId}, who is registered: a reference is released ` +
          'only when the id holding it never became a child',
      );
    const data: ChildRefReleasedData = {
      childRef: ref,
      childId: holding.childId,
      reason: (reason as string).trim(),
    };
    const { event, expectedRevision } = chainedRegistryEvent(stream, last, {
      id: randomUUID(),
      type: CHILD_REF_RELEASED,
      data: { ...data },
      metadata: { ...recording, schemaVersion: CHILD_REF_SCHEMA_VERSION },
    });
    try {
      const result = await this.store.appendToStream(
        stream,
        [event],
        // Only while the holder still has no journey, in the same transaction on SQLite: a retried
        // registration that had found its reservation and lands first makes this a refusal.
        { expectedRevision, onlyIf: { stream: journeyStream(holding.childId), revision: 'no_stream' } },
      );
      return { childRef: ref, childId: holding.childId, ...result };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      if (error.stream === journeyStream(holding.childId))
        throw refusal(
          'conflict',
          'child-ref-holder-registered',
          `childRef ${ref} is held by child ${holding.childId}, who was registered while the release was being ` +
            'written: a reference is released only when the id holding it never became a child',
        );
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

  /** Whether the id became a child: its journey stream exists (it starts with ChildRegistered). */
  private async hasJourney(childId: string): Promise<boolean> {
    for await (const _first of readStreamOrEmpty(this.store, journeyStream(childId), { maxCount: 1 }))
      return true;
    return false;
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

const isClash = (error: unknown): boolean =>
  error instanceof WrongExpectedRevision || error instanceof DuplicateEventIds;

function releaseInputProblems(childRef: unknown, reason: unknown): ReleaseProblem[] {
  const problems: ReleaseProblem[] = [];
  const refProblem = childRefProblem(childRef);
  if (refProblem) problems.push({ field: 'childRef', rule: 'child-ref-format', message: refProblem });
  if (typeof reason !== 'string' || reason.trim() === '')
    problems.push({
      field: 'reason',
      rule: 'release-reason-required',
      message: 'reason is required: say why the reference is released (it is kept in the reference’s stream)',
    });
  else if (reason.trim().length > RELEASE_REASON_MAX_LENGTH)
    problems.push({
      field: 'reason',
      rule: 'release-reason-length',
      message: `reason must be at most ${RELEASE_REASON_MAX_LENGTH} characters`,
    });
  return problems;
}
