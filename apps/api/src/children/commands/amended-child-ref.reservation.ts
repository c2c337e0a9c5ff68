import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@care-journey/event-store';
import {
  childRefAmendedIn,
  childRefStream,
  type JourneyEvent,
  type JourneyState,
} from '@care-journey/journey';
import { ChildRefRegistry } from '@care-journey/registrations';
import { childRefHeldByAnother } from '../../child-refs/child-ref-hold';
import { EVENT_STORE } from '../../infrastructure/event-store.provider';
import { ChildRefInUse } from '../application-errors';
import type { RecordingContext } from '../recording/recording-context';
import { reservationRecording } from '../recording/reservation-recording';
import { UNRECORDED_AMENDMENT, type ReleaseUnrecorded } from './unrecorded-amendment';

/**
 * An amendment that gives the registration another 903 reference reserves it for this child
 * first, through the registry every registration uses (same `child-ref-<REF>` streams): a
 * reference another child holds is refused (409 child-ref-in-use on `amendedData.childRef`) before
 * anything is written. The reference the child had stays held by it: a reference that once named
 * this child in a return never names another. One reserved for an amendment whose append is then
 * refused is released again (unrecorded-amendment.ts).
 */
@Injectable()
export class AmendedChildRefReservation {
  private readonly childRefs: ChildRefRegistry | undefined;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore | undefined) {
    this.childRefs = store && new ChildRefRegistry(store);
  }

  /**
   * Read-only: refuses (409 on `amendedData.childRef`) when `events` amend the registration to a
   * reference another child holds now. Lets a refusal for another field (an amended UPN) name the
   * reference first, as a registration's refusal does, without reserving anything.
   */
  async refuseIfHeldByAnother(events: readonly JourneyEvent[], state: JourneyState): Promise<void> {
    const amended = childRefAmendedIn(events, state);
    if (amended && this.store && (await childRefHeldByAnother(this.store, amended)))
      throw new ChildRefInUse(amended.childRef, 'amendedData.childRef');
  }

  /** One with no store (the spec factory's default, testing/): it refuses every amendment of a reference. */
  static unavailable(): AmendedChildRefReservation {
    return new AmendedChildRefReservation(undefined);
  }

  /**
   * Reserves the reference `events` (decided on `state`) amend the registration to, if any. Returns
   * how to release it again if the amendment's append is refused, when this call wrote the
   * reservation (undefined: nothing amended, or the child held the reference already).
   */
  async reserve(
    events: readonly JourneyEvent[],
    state: JourneyState,
    context: RecordingContext,
  ): Promise<ReleaseUnrecorded | undefined> {
    const amended = childRefAmendedIn(events, state);
    if (!amended) return undefined;
    const childRefs = this.childRefs;
    if (!childRefs) throw new Error('No child-ref registry: an amended childRef cannot be reserved');
    const recording = reservationRecording(context);
    const claim = await childRefs.claim(amended.childRef, amended.childId, recording, { for: 'amendment' });
    if (!claim.held) throw new ChildRefInUse(amended.childRef, 'amendedData.childRef');
    const { reservedAt } = claim;
    if (reservedAt === undefined) return undefined;
    return {
      stream: childRefStream(amended.childRef),
      childId: amended.childId,
      release: () =>
        childRefs.releaseUnrecorded(
          amended.childRef,
          amended.childId,
          reservedAt,
          UNRECORDED_AMENDMENT,
          recording,
        ),
    };
  }
}
