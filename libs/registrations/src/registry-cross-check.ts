/**
 * The registries (child-ref-registry.ts, upn-registry.ts) checked against the journeys, both ways
 * (review s18-es F4): a reservation edited in the file (its holder moved, or turned into a
 * release) breaks no journey chain, so `audit verify-store` compares what each side says.
 * - A held reference or UPN: its holder's journey has carried it, at its registration or by an
 *   amendment of it (an amendment leaves the old one held by the child: a reference that once named
 *   a child in a return never names another). A UPN held by an id with no journey is allowed only
 *   to a registration that never completed: that id has a 903 reference reserved or released (the
 *   reference is reserved first, and a missing journey behind it is `missingJourneys`' to name).
 * - A journey's current reference and UPN (its registration's, as at its latest amendment; none
 *   once the registration is retracted): held by it. A journey registered before the log's first
 *   reservation of that kind (a store from before the registry) is not expected to have one.
 *
 * Fed every event of the log in order (`see`: a prefix test an event, a little state per journey
 * and per reservation stream), then compared once (`mismatches`): linear in the log.
 */
import {
  CHILD_REF_SCHEMA_VERSION,
  CHILD_REF_STREAM_PREFIX,
  childRefHolding,
  childRefStream,
  JOURNEY_STREAM_PREFIX,
  type ChildRefHolding,
} from '@care-journey/journey';
import type { RecordedEvent } from '@care-journey/event-store';
import { assertReadableRegistryEvent } from './registry-event-version';
import { SETTLE_MS } from './settle-window';
import { noJourneyNames, seeJourneyEvent, type JourneyNames } from './journey-names';
import { UPN_STREAM_PREFIX, upnStream } from './upn-normalise';
import { upnHolding, UPN_SCHEMA_VERSION, type UpnHolding } from './upn-registry';

/** One disagreement between a registry and the journeys, named by the reservation stream. */
export interface RegistryMismatch {
  registry: 'child-ref' | 'upn';
  /** The reservation stream (a UPN's is its hash: no pupil number is printed). */
  stream: string;
  /** The child the reservation or the journey names. */
  childId: string;
  rule: 'held-but-never-carried' | 'held-by-no-child' | 'carried-but-not-held';
  message: string;
}

/** A UPN stream's latest event, held or released, and when it was recorded. */
type UpnState = UpnHolding & { recordedAt: string | null };

export class RegistryCrossCheck {
  private readonly journeys = new Map<string, JourneyNames>();
  private readonly childRefs = new Map<string, ChildRefHolding>();
  /** When each reference stream's latest event was recorded (its settle window). */
  private readonly childRefRecordedAt = new Map<string, string | null>();
  /**
   * Every id any reference event has named, held or released: a registration that never completed
   * may have its reference released and re-reserved by another child later (review s19-diff F1).
   */
  private readonly namedByReferences = new Set<string>();
  private readonly upns = new Map<string, UpnState>();
  private firstChildRefEvent: bigint | undefined;
  private firstUpnEvent: bigint | undefined;

  /** Takes every event of the log, in log order. */
  see(event: RecordedEvent): void {
    const { streamId } = event;
    if (streamId.startsWith(JOURNEY_STREAM_PREFIX)) this.seeJourney(event);
    else if (streamId.startsWith(CHILD_REF_STREAM_PREFIX)) this.seeChildRef(event);
    else if (streamId.startsWith(UPN_STREAM_PREFIX)) this.seeUpn(event);
  }

  /** Every disagreement, sorted by stream then child. */
  mismatches(now: Date): RegistryMismatch[] {
    const found = [...this.heldButNotCarried(now), ...this.carriedButNotHeld()];
    return found.sort((a, b) => compare(a.stream, b.stream) || compare(a.childId, b.childId));
  }

  private seeJourney(event: RecordedEvent): void {
    const childId = event.streamId.slice(JOURNEY_STREAM_PREFIX.length);
    let names = this.journeys.get(childId);
    if (!names) {
      names = noJourneyNames();
      this.journeys.set(childId, names);
    }
    seeJourneyEvent(names, event);
  }

  private seeChildRef(event: RecordedEvent): void {
    // Any event of the registry counts (a reservation edited into something else must not make
    // the journeys before the next one look older than the registry).
    this.firstChildRefEvent ??= event.globalPosition;
    assertReadableRegistryEvent(event, CHILD_REF_SCHEMA_VERSION);
    const holding = childRefHolding({
      type: event.type,
      data: (event.data ?? {}) as Record<string, unknown>,
    });
    if (!holding) return;
    this.childRefs.set(event.streamId, holding);
    this.childRefRecordedAt.set(event.streamId, recordedAtOf(event));
    this.namedByReferences.add(holding.held ? holding.childId : holding.releasedFrom);
  }

  private seeUpn(event: RecordedEvent): void {
    this.firstUpnEvent ??= event.globalPosition;
    assertReadableRegistryEvent(event, UPN_SCHEMA_VERSION);
    const holding = upnHolding(event);
    if (holding) this.upns.set(event.streamId, { ...holding, recordedAt: recordedAtOf(event) });
  }

  /**
   * Reservations whose holder's journey never carried them (or, for a UPN, whose holder is no child).
   * A reservation recorded less than SETTLE_MS ago is not judged: a registration or an amendment
   * reserves first and appends its journey event after (review s19-diff F3).
   */
  private *heldButNotCarried(now: Date): Generator<RegistryMismatch> {
    const settledBefore = now.getTime() - SETTLE_MS;
    const settled = (recordedAt: string | null | undefined): boolean =>
      recordedAt === null || recordedAt === undefined || Date.parse(recordedAt) < settledBefore;
    for (const [stream, holding] of this.childRefs) {
      if (!holding.held || !settled(this.childRefRecordedAt.get(stream))) continue;
      const names = this.journeys.get(holding.childId);
      // A holder with no journey is `missingJourneys`' (libs/audit journeys-reserved.ts).
      if (!names || names.childRefs.has(stream.slice(CHILD_REF_STREAM_PREFIX.length))) continue;
      yield heldButNeverCarried('child-ref', stream, holding.childId, '903 reference');
    }
    for (const [stream, upn] of this.upns) {
      if (!upn.held || !settled(upn.recordedAt)) continue;
      const holder = upn.childId;
      const names = this.journeys.get(holder);
      if (names) {
        if (![...names.upns].some((upn) => upnStream(upn) === stream))
          yield heldButNeverCarried('upn', stream, holder, 'UPN');
      } else if (!this.namedByReferences.has(holder)) {
        yield {
          registry: 'upn',
          stream,
          childId: holder,
          rule: 'held-by-no-child',
          message:
            `${stream} is held by ${holder}, which has no journey and no 903 reference reserved or released: ` +
            'no registration reserves a UPN that way (its holder was edited?)',
        };
      }
    }
  }

  /** Journeys whose current reference or UPN their registry does not hold for them. */
  private *carriedButNotHeld(): Generator<RegistryMismatch> {
    for (const [childId, names] of this.journeys) {
      if (names.registeredAt === undefined) continue;
      if (names.childRef !== undefined && !before(names.registeredAt, this.firstChildRefEvent)) {
        const stream = childRefStream(names.childRef);
        const holding = this.childRefs.get(stream);
        if (!holding?.held || holding.childId !== childId)
          yield carriedButNotHeld('child-ref', stream, childId, `903 reference ${names.childRef}`, holding);
      }
      if (names.upn !== undefined && !before(names.registeredAt, this.firstUpnEvent)) {
        const stream = upnStream(names.upn);
        const holding = this.upns.get(stream);
        if (!holding?.held || holding.childId !== childId)
          yield carriedButNotHeld('upn', stream, childId, 'UPN', holding);
      }
    }
  }
}

/** When the event was recorded, as its metadata says (null if it does not). */
function recordedAtOf(event: RecordedEvent): string | null {
  const { recordedAt } = event.metadata;
  return typeof recordedAt === 'string' ? recordedAt : null;
}

/** True when the registration at `registeredAt` precedes the registry's first reservation (or there is none). */
const before = (registeredAt: bigint, firstReservation: bigint | undefined): boolean =>
  firstReservation === undefined || registeredAt < firstReservation;

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function heldButNeverCarried(
  registry: RegistryMismatch['registry'],
  stream: string,
  childId: string,
  what: string,
): RegistryMismatch {
  return {
    registry,
    stream,
    childId,
    rule: 'held-but-never-carried',
    message:
      `${stream} is held by child ${childId}, whose journey never carried that ${what} ` +
      '(not at its registration, nor by an amendment of it): the reservation was edited, or an amendment ' +
      'reserved it and was never recorded',
  };
}

function carriedButNotHeld(
  registry: RegistryMismatch['registry'],
  stream: string,
  childId: string,
  what: string,
  holding: ChildRefHolding | UpnHolding | undefined,
): RegistryMismatch {
  const state = !holding
    ? `${stream} holds no reservation`
    : holding.held
      ? `${stream} is held by child ${holding.childId}`
      : `${stream} was released (from ${holding.releasedFrom})`;
  return {
    registry,
    stream,
    childId,
    rule: 'carried-but-not-held',
    message: `journey-${childId} carries ${what}, but ${state}: the registry no longer holds it for this child`,
  };
}
