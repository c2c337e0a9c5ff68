import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@care-journey/event-store';
import { UpnRegistry, upnStream } from '@care-journey/registrations';
import { amendableEntryType, type JourneyEvent, type JourneyState } from '@care-journey/journey';
import { UpnInUse } from '../../child-refs/upn-in-use';
import { EVENT_STORE } from '../../infrastructure/event-store.provider';
import type { RecordingContext } from '../recording/recording-context';
import { reservationRecording } from '../recording/reservation-recording';
import { UNRECORDED_AMENDMENT, type ReleaseUnrecorded } from './unrecorded-amendment';

/** The field an amendment gives the UPN in, as a refusal names it. */
const AMENDED_UPN = 'amendedData.upn';

/** The UPN an amendment of the registration gives the child, and whom to reserve it for. */
export interface AmendedUpn {
  upn: string;
  childId: string;
}

/**
 * An amendment that gives the registration another UPN is held to the rule a registration is (903
 * rule 444, libs/registrations upn-registry.ts): a UPN another child holds is refused (409 upn-in-use on
 * `amendedData.upn`) before anything is written, and a free one is reserved for this child through
 * the same `upn-<hash>` streams, so a registration or amendment racing for it loses. As with an
 * amended 903 reference (amended-child-ref.reservation.ts), the UPN the child had stays held by it,
 * and one reserved for an amendment whose append is then refused is released again.
 * The unknown-UPN codes repeat freely. Only amendments of a registration naming a UPN read anything.
 */
@Injectable()
export class AmendedUpnReservation {
  private readonly upns: UpnRegistry | undefined;

  constructor(@Inject(EVENT_STORE) store: EventStore | undefined) {
    this.upns = store && new UpnRegistry(store);
  }

  /** One with no store (the spec factory's default, testing/): it refuses every amendment of a UPN. */
  static unavailable(): AmendedUpnReservation {
    return new AmendedUpnReservation(undefined);
  }

  /**
   * Read-only: the UPN `events` (decided on `state`) amend the registration to, if any; refused
   * when another child holds it. Checked before any reservation is made for the amendment.
   */
  async check(events: readonly JourneyEvent[], state: JourneyState): Promise<AmendedUpn | undefined> {
    const amended = upnAmendedIn(events, state);
    if (!amended) return undefined;
    const upns = this.registry();
    if (!(await upns.isFree(amended.upn, amended.childId))) throw new UpnInUse(AMENDED_UPN);
    return amended;
  }

  /**
   * Reserves a checked UPN for the child; refused when another registration or amendment took it
   * meanwhile. Returns how to release it again if the amendment's append is refused, when this call
   * wrote the reservation (undefined: the child held it already, or an unknown-UPN code).
   */
  async hold(amended: AmendedUpn, context: RecordingContext): Promise<ReleaseUnrecorded | undefined> {
    const upns = this.registry();
    const recording = reservationRecording(context);
    const claim = await upns.claim(amended.upn, amended.childId, recording, { for: 'amendment' });
    if (!claim.held) throw new UpnInUse(AMENDED_UPN);
    const { reservedAt } = claim;
    if (reservedAt === undefined) return undefined;
    return {
      stream: upnStream(amended.upn),
      childId: amended.childId,
      release: () =>
        upns.releaseUnrecorded(amended.upn, amended.childId, reservedAt, UNRECORDED_AMENDMENT, recording),
    };
  }

  private registry(): UpnRegistry {
    if (!this.upns) throw new Error('No UPN registry: an amended upn cannot be reserved');
    return this.upns;
  }
}

/**
 * The UPN and child of an amendment, among decided events, that gives the registration a UPN
 * (`amendedData.upn`); undefined when there is none. `state` is the journey the events were decided on.
 */
export function upnAmendedIn(events: readonly JourneyEvent[], state: JourneyState): AmendedUpn | undefined {
  for (const event of events) {
    if (event.type !== 'EntryAmended') continue;
    const { upn } = event.data.amendedData as { upn?: unknown };
    if (typeof upn !== 'string') continue;
    if (amendableEntryType(state, event.data.correctedEventId) !== 'ChildRegistered') continue;
    return { upn, childId: event.data.childId };
  }
  return undefined;
}
