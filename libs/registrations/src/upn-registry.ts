/**
 * A UPN belongs to one child (DfE 903 rule 444: unique within the authority's return; the
 * unknown-UPN codes UN1–UN5, any `UN<digit>`, say there is none and may repeat). Every writer that
 * registers children checks and reserves the UPN here, as it does the 903 reference
 * (child-ref-registry.ts): a registration through the API, or an amendment of one giving a UPN
 * (apps/api children/commands/amended-upn.reservation.ts), a seeded child and an imported one are
 * refused when another child already holds its UPN:
 * - children registered by anyone (the API, the seeder, the 903 import, another API process) are
 *   read from the log's registrations, once and then only the new ones (`catchUp`), and so are the
 *   reservations (for `check`, a whole import's UPNs checked in that one read);
 * - two registrations racing with the same UPN are told apart by a reservation stream per UPN,
 *   `upn-<hash>` (the hash, not the UPN: no personal data in a stream name), appended at
 *   `no_stream`: the store lets one of them create it. The other reads its holder and is refused.
 * A holder that never became a child (its registration failed after the reservation) keeps the
 * UPN until its own retry (the same childId goes on) or until STALE_AFTER_MS has passed, when
 * another child may take the reservation over (at the revision read, so of two only one does).
 * An amendment whose journey append is refused after it reserved releases its reservation again
 * (`UpnReleased`, `releaseUnrecorded`); a released UPN is free again, unless the journey it was
 * released from carries it after all (an append that landed after the release read the journey,
 * review s20 diff F2), as for a 903 reference (child-ref-registry.ts `reserveTaken`).
 */
import {
  DuplicateEventIds,
  readLastEvent,
  WrongExpectedRevision,
  type AppendResult,
  type EventStore,
  type RecordedEvent,
} from '@care-journey/event-store';
import { randomUUID } from 'node:crypto';
import { JOURNEY_STREAM_PREFIX, journeyStream } from '@care-journey/journey';
import { chainedRegistryEvent } from './chained-registry-event';
import { isUnknownUpn, normaliseUpn, UPN_STREAM_PREFIX, upnStream } from './upn-normalise';
import { nameBasedUuid } from './deterministic-id';
import type { ClaimingWriter } from './child-ref-registry';
import { readCarried, type CarriedByJourney } from './journey-carried';
import { UpnReleaseRefused } from './child-ref-registry-errors';
import {
  releasedStream,
  refuseUnsettledUpn,
  upnCarriedRefusal,
  upnRefusal,
  upnReleaseInputProblems,
} from './upn-release-refusals';
import { assertReadableRegistryEvent } from './registry-event-version';

// Where a UPN's stream is and how UPNs compare: upn-normalise.ts (the journey fold reads them too).
export { isUnknownUpn, normaliseUpn, UPN_STREAM_PREFIX, upnStream } from './upn-normalise';
export const UPN_RESERVED = 'UpnReserved';
/** A UPN freed again: an amendment's reservation after its journey append was refused (`releaseUnrecorded`), or an admin's release (`release`). */
export const UPN_RELEASED = 'UpnReleased';
export const UPN_SCHEMA_VERSION = 1;

/**
 * How long a reservation whose holder has no journey is kept for it. A registration is written
 * within a request (milliseconds after its reservation); one still missing after this has failed.
 */
export const STALE_AFTER_MS = 10 * 60_000;

/** Reservations tried per claim: each clash (another write to the stream) is read again (review s20 diff F4). */
const CLAIM_ATTEMPTS = 3;

/** Events read per query while catching up, with a turn of the event loop between queries. */
const EVENTS_PER_TURN = 500;

export interface UpnRecording {
  recordedAt: string;
  recordedBy: string;
  /** The request's correlation and causation ids, stored in the metadata as on its journey event (review s18-es F6). */
  correlationId?: string;
  causationId?: string;
}

/** Who holds a UPN now, from its stream's latest event (as a 903 reference's, libs/journey child-ref.ts). */
export type UpnHolding = { held: true; childId: string } | { held: false; releasedFrom: string };

/** What an admin's release recorded (the UPN itself is not in it: its stream names it). */
export interface UpnRelease extends AppendResult {
  upnStream: string;
  /** The id that held the UPN (and whose journey never carried it). */
  childId: string;
  /** Whether that id is a child (an amendment reserved the UPN and was never recorded). */
  holderRegistered: boolean;
}

/** What a reservation came to; `reservedAt`: the revision of the reservation this call wrote. */
export type UpnClaimed = { held: false } | { held: true; reservedAt?: bigint };

/** A child asking for a UPN. */
export interface UpnClaim {
  upn: string;
  childId: string;
}

/** A UPN stream's latest event, as the catch-up saw it: who holds it, or who released it, and when. */
interface Reservation {
  holding: UpnHolding;
  recordedAt: string;
}

/** Holds each real UPN for one child (see the file's comment). One instance per API process. */
export class UpnRegistry {
  /** Normalised UPN → the first child registered with it. */
  private readonly holders = new Map<string, string>();
  /** Every child registered (for `check`: a registered child has its UPN already). */
  private readonly registeredChildren = new Set<string>();
  /** Reservation stream → its latest holder (only for `check`; `isFree` reads the stream itself). */
  private readonly reservations = new Map<string, Reservation>();
  private readUpTo: bigint | undefined;
  private reading: Promise<void> | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Read-only: true when `childId` may be registered with `upn` (an unknown-UPN code, a UPN nobody
   * holds, or one this child already holds: a retry); false when another child holds it.
   */
  async isFree(upn: string, childId: string): Promise<boolean> {
    if (isUnknownUpn(upn)) return true;
    await this.catchUp();
    const registered = this.holders.get(normaliseUpn(upn));
    if (registered !== undefined && registered !== childId) return false;
    const latest = await readLastEvent(this.store, upnStream(upn));
    return !latest || (await this.mayTakeOver(reservationOf(latest), upn, childId));
  }

  /**
   * Read-only, for many claims at once (the 903 import): the claims another child holds, by
   * registration or reservation (`taken`), and of the others those whose child is registered already
   * (`registered`: its UPN is its registration's, nothing to reserve). One read of the log's new
   * registrations and reservations in all, instead of `isFree`'s read per claim; a reservation by
   * another id reads whether that id became a child (rare: a registration under way or one that failed).
   */
  async check<Claim extends UpnClaim>(
    claims: readonly Claim[],
  ): Promise<{ taken: Claim[]; registered: Claim[] }> {
    await this.catchUp();
    const taken: Claim[] = [];
    const registered: Claim[] = [];
    for (const claim of claims) {
      if (isUnknownUpn(claim.upn)) continue;
      const holder = this.holders.get(normaliseUpn(claim.upn));
      const reserved = this.reservations.get(upnStream(claim.upn));
      const free =
        (holder === undefined || holder === claim.childId) &&
        (!reserved || (await this.mayTakeOver(reserved, claim.upn, claim.childId)));
      if (!free) taken.push(claim);
      else if (this.registeredChildren.has(claim.childId)) registered.push(claim);
    }
    return { taken, registered };
  }

  /**
   * Reserves `upn` for `childId` (after `isFree`): true when it holds it now; false when another
   * registration took it meanwhile (that one alone is written).
   */
  async hold(upn: string, childId: string, recording: UpnRecording): Promise<boolean> {
    return (await this.claim(upn, childId, recording)).held;
  }

  /**
   * `hold`, telling whether this call wrote the reservation and at which revision: what an
   * amendment whose append is refused releases again (`releaseUnrecorded`), and only that. For an
   * amendment the reservation it relies on is always its own, as for a 903 reference
   * (child-ref-registry.ts `claim`): a hold by this child its journey has not carried is renewed
   * (and a renewal is never released), and its ids are random. A clash (another write to the
   * stream: another child, or this child's own other attempt releasing or renewing) is read again,
   * as `ChildRefRegistry.claim` does, so a child is not refused a UPN nobody else holds.
   */
  async claim(
    upn: string,
    childId: string,
    recording: UpnRecording,
    { for: writer = 'registration' }: { for?: ClaimingWriter } = {},
  ): Promise<UpnClaimed> {
    if (isUnknownUpn(upn)) return { held: true };
    const stream = upnStream(upn);
    try {
      const written = await this.appendReservation(stream, childId, recording, undefined, writer);
      return { held: true, reservedAt: written.nextExpectedRevision };
    } catch (error) {
      if (!isClash(error)) throw error;
    }
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      const latest = await readLastEvent(this.store, stream);
      if (!latest || !upnHolding(latest)) throw new Error(`${stream} holds no UPN reservation or release`);
      const renewal = holderOf(latest) === childId;
      if (renewal) {
        if (writer === 'registration' || (await this.carries(childId, upn))) return { held: true };
      } else if (!(await this.mayTakeOver(reservationOf(latest), upn, childId))) return { held: false };
      try {
        const written = await this.appendReservation(stream, childId, recording, latest, writer);
        // A renewal is never released: the child held the UPN before it, and may rely on it.
        return renewal ? { held: true } : { held: true, reservedAt: written.nextExpectedRevision };
      } catch (error) {
        if (!isClash(error)) throw error;
      }
    }
    return { held: false };
  }

  /**
   * An admin's release of a UPN whose holder's journey never carried it (a crash between an
   * amendment's reservation and its journey append, or a compensating release that failed; or a
   * holder that never became a child), as `ChildRefRegistry.release` does for a 903 reference, with
   * the same rules (`upn` is the UPN, or its stream `upn-<hash>` as verify-store names it, so an
   * admin need not handle the UPN): appends `UpnReleased` {childId, reason} after the reservation, at the revision
   * read, only while the holder's journey is as read. Throws UpnReleaseRefused (nothing written)
   * for bad input (invalid-upn, upn-unknown-code, release-reason-*), a UPN nobody reserved
   * (upn-not-reserved), one already released, one the holder's journey carries
   * (upn-holder-registered), one that changed meanwhile (upn-changed), or a reservation younger than
   * SETTLE_MS or of no readable time, registered holder or not (upn-hold-settling, review2 M1: a
   * registration's journey append has no condition on the UPN stream, so freeing a registration's
   * fresh hold would let a second child take the UPN it is about to carry). No message or event holds the UPN.
   */
  async release(upn: unknown, reason: unknown, recording: UpnRecording): Promise<UpnRelease> {
    const problems = upnReleaseInputProblems(upn, reason);
    if (problems.length > 0) throw new UpnReleaseRefused('invalid', problems);
    const stream = releasedStream(upn as string);
    const last = await readLastEvent(this.store, stream);
    if (!last) throw upnRefusal('not-found', 'upn-not-reserved', 'upn is not reserved: nothing to release');
    const holding = reservationOf(last).holding;
    if (!holding.held)
      throw upnRefusal(
        'conflict',
        'upn-already-released',
        `the UPN of ${stream} was already released (from ${holding.releasedFrom}): it is free to reserve`,
      );
    const journey = await readCarried(this.store, holding.childId);
    if (journey && [...journey.names.upns].some((carried) => upnStream(carried) === stream))
      throw upnCarriedRefusal(stream, holding.childId, 'is');
    refuseUnsettledUpn(stream, holding.childId, last, recording.recordedAt);
    try {
      const result = await this.appendRelease(
        stream,
        holding.childId,
        last,
        (reason as string).trim(),
        recording,
        journey,
      );
      return {
        upnStream: stream,
        childId: holding.childId,
        holderRegistered: journey !== undefined,
        ...result,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      if (error.stream === journeyStream(holding.childId))
        throw upnCarriedRefusal(stream, holding.childId, 'may be');
      throw upnRefusal(
        'conflict',
        'upn-changed',
        `the UPN of ${stream} changed while it was being released (reserved or released meanwhile): look again`,
      );
    }
  }

  /**
   * The compensation of an amendment whose journey append was refused after it reserved `upn`
   * (`claim`'s `reservedAt`): appends `UpnReleased` while that reservation is still the stream's
   * latest event and the child's journey, read now, has not carried the UPN (an append that did
   * land after all keeps it), only while the journey stays as read. False when nothing was written
   * (`audit verify-store` then names the hold, as after a crash before this runs; `release` frees it).
   */
  async releaseUnrecorded(
    upn: string,
    childId: string,
    reservedAt: bigint,
    reason: string,
    recording: UpnRecording,
  ): Promise<boolean> {
    const stream = upnStream(upn);
    const latest = await readLastEvent(this.store, stream);
    if (!latest || latest.revision !== reservedAt || holderOf(latest) !== childId) return false;
    const journey = await readCarried(this.store, childId);
    if (journey?.names.upns.has(normaliseUpn(upn))) return false;
    try {
      await this.appendRelease(stream, childId, latest, reason, recording, journey);
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedRevision) return false;
      throw error;
    }
  }

  /**
   * `UpnReleased` after `last`, only while the holder's journey is at the revision read (no_stream
   * when it had none), in the same transaction on SQLite: a registration or amendment carrying the
   * UPN that lands first makes the store refuse it (WrongExpectedRevision).
   */
  private appendRelease(
    stream: string,
    childId: string,
    last: RecordedEvent,
    reason: string,
    recording: UpnRecording,
    journey: CarriedByJourney | undefined,
  ): Promise<AppendResult> {
    const { event, expectedRevision } = chainedRegistryEvent(stream, last, {
      id: randomUUID(),
      type: UPN_RELEASED,
      data: { childId, reason },
      metadata: { ...recording, schemaVersion: UPN_SCHEMA_VERSION },
    });
    const onlyIf = { stream: journeyStream(childId), revision: journey?.revision ?? ('no_stream' as const) };
    return this.store.appendToStream(stream, [event], { expectedRevision, onlyIf });
  }

  /**
   * Whether `childId` may take the UPN from its stream's latest event: its own; released by an id
   * whose journey does not carry it (one that carries it landed after its release read the
   * journey, and keeps it); or held by an id that never became a child, and stale.
   */
  private async mayTakeOver(
    { holding, recordedAt }: Reservation,
    upn: string,
    childId: string,
  ): Promise<boolean> {
    if (!holding.held)
      return holding.releasedFrom === childId || !(await this.carries(holding.releasedFrom, upn));
    if (holding.childId === childId) return true;
    if (await this.hasJourney(holding.childId)) return false;
    return this.now() - Date.parse(recordedAt) > STALE_AFTER_MS;
  }

  /** A reservation after `last`, the stream's latest event (undefined: a new stream), chained to it. */
  private appendReservation(
    stream: string,
    childId: string,
    recording: UpnRecording,
    last: RecordedEvent | undefined,
    writer: ClaimingWriter,
  ) {
    const { event, expectedRevision } = chainedRegistryEvent(stream, last, {
      id:
        writer === 'amendment'
          ? randomUUID()
          : reservationId(stream, childId, recording, last ? last.revision : 'no_stream'),
      type: UPN_RESERVED,
      data: { childId },
      metadata: { ...recording, schemaVersion: UPN_SCHEMA_VERSION },
    });
    return this.store.appendToStream(stream, [event], { expectedRevision });
  }

  /** Reads the registrations and reservations written since the last read (one read at a time per process). */
  private catchUp(): Promise<void> {
    this.reading ??= this.readNewRegistrations().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async readNewRegistrations(): Promise<void> {
    // Registrations are only in journey streams and reservations only in upn- ones: one filter reads both.
    const filter = {
      streamPrefixes: [JOURNEY_STREAM_PREFIX, UPN_STREAM_PREFIX],
      eventTypes: ['ChildRegistered', UPN_RESERVED, UPN_RELEASED],
    };
    for (;;) {
      let read = 0;
      const from = this.readUpTo;
      for await (const event of this.store.readAll({
        ...(from !== undefined && { fromPosition: from }),
        maxCount: EVENTS_PER_TURN,
        filter,
      })) {
        this.readUpTo = event.globalPosition;
        read += 1;
        if (event.type === UPN_RESERVED || event.type === UPN_RELEASED) {
          this.noteReservation(event);
          continue;
        }
        const childId = event.streamId.slice(JOURNEY_STREAM_PREFIX.length);
        this.registeredChildren.add(childId);
        const { upn } = event.data as { upn?: unknown };
        if (typeof upn !== 'string' || isUnknownUpn(upn)) continue;
        const key = normaliseUpn(upn);
        if (!this.holders.has(key)) this.holders.set(key, childId);
      }
      if (read < EVENTS_PER_TURN) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private noteReservation(event: RecordedEvent): void {
    assertReadableRegistryEvent(event, UPN_SCHEMA_VERSION);
    // One without a child id names no one, as before: it leaves the UPN free.
    if (!upnHolding(event)) this.reservations.delete(event.streamId);
    else this.reservations.set(event.streamId, reservationOf(event));
  }

  /** Whether `childId`'s journey has carried `upn` (at its registration or by an amendment). */
  private async carries(childId: string, upn: string): Promise<boolean> {
    return !!(await readCarried(this.store, childId))?.names.upns.has(normaliseUpn(upn));
  }

  private async hasJourney(childId: string): Promise<boolean> {
    return (await readLastEvent(this.store, journeyStream(childId))) !== undefined;
  }
}

/** Who holds the UPN after `event`, a UPN stream's event; undefined when it is neither kind. */
export function upnHolding(event: Pick<RecordedEvent, 'type' | 'data'>): UpnHolding | undefined {
  const { childId } = (event.data ?? {}) as { childId?: unknown };
  if (typeof childId !== 'string') return undefined;
  if (event.type === UPN_RESERVED) return { held: true, childId };
  if (event.type === UPN_RELEASED) return { held: false, releasedFrom: childId };
  return undefined;
}

/** A UPN stream's event as a `Reservation` (throws for one that is neither kind, or too new to read). */
function reservationOf(event: RecordedEvent): Reservation {
  assertReadableRegistryEvent(event, UPN_SCHEMA_VERSION);
  const holding = upnHolding(event);
  if (!holding) throw new Error(`${event.streamId} holds no UPN reservation or release`);
  return { holding, recordedAt: String(event.metadata.recordedAt ?? '') };
}

/** The holder after `event` (undefined: released, or not a UPN event). */
const holderOf = (event: RecordedEvent): string | undefined => {
  assertReadableRegistryEvent(event, UPN_SCHEMA_VERSION);
  const holding = upnHolding(event);
  return holding?.held ? holding.childId : undefined;
};

/**
 * Name-based, as the 903 reference's (child-ref-registry.ts): a seed or an import re-run with the
 * same instant writes the same events, so a crash and a re-run end as one clean run. The instant,
 * recorder and revision are in the name so a later reservation by the same child is a new event.
 */
const reservationId = (
  stream: string,
  childId: string,
  { recordedAt, recordedBy }: UpnRecording,
  expectedRevision: 'no_stream' | bigint,
): string =>
  nameBasedUuid(
    `upn\n${stream}\n${childId}\n${recordedAt}\n${recordedBy}${expectedRevision === 'no_stream' ? '' : `\nafter ${expectedRevision}`}`,
  );

const isClash = (error: unknown): boolean =>
  error instanceof WrongExpectedRevision || error instanceof DuplicateEventIds;
