import { Injectable } from '@nestjs/common';
import type { JourneyEvent, JourneyState } from '@care-journey/journey';
import { UpnInUse } from '../../child-refs/upn-in-use';
import type { RecordingContext } from '../recording/recording-context';
// Value imports: Nest injects them by the constructor's parameter types.
import { AmendedChildRefReservation } from './amended-child-ref.reservation';
import { AmendedUpnReservation } from './amended-upn.reservation';
import { appendReleasingOnRefusal, type ReleaseUnrecorded } from './unrecorded-amendment';

/**
 * The 903 reference and UPN an amendment gives the registration, held before its append, in the
 * order a registration's are (recording/registration-holds.ts): an amended UPN another child holds
 * is refused first, read only, so nothing is reserved for a refused amendment (the reference is
 * named first when another child holds it too); then the amended reference is reserved, then the
 * UPN. Ordinary commands amend neither and read nothing. What the holds wrote is handed back, to be
 * released if the append is then refused (unrecorded-amendment.ts); a UPN refused after the
 * reference was reserved releases that reservation at once.
 */
@Injectable()
export class AmendmentHolds {
  constructor(
    private readonly childRefs: AmendedChildRefReservation,
    private readonly upns: AmendedUpnReservation,
  ) {}

  /**
   * Holds what `events` (decided on `state`) amend the registration to; refused: nothing is left
   * held. Returns the reservations this call wrote, each with its release (none: undefined).
   */
  async hold(
    events: readonly JourneyEvent[],
    state: JourneyState,
    context: RecordingContext,
  ): Promise<ReleaseUnrecorded[] | undefined> {
    const upn = await this.upns.check(events, state).catch(async (error: unknown) => {
      if (error instanceof UpnInUse) await this.childRefs.refuseIfHeldByAnother(events, state);
      throw error;
    });
    const childRef = await this.childRefs.reserve(events, state, context);
    const reserved = childRef ? [childRef] : [];
    // A UPN another amendment took meanwhile: the reference reserved for this one goes back too.
    if (upn)
      await appendReleasingOnRefusal(reserved, async () => {
        const held = await this.upns.hold(upn, context);
        if (held) reserved.push(held);
      });
    return reserved.length > 0 ? reserved : undefined;
  }
}
