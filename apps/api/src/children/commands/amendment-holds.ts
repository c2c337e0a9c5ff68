import { Injectable } from '@nestjs/common';
import type { JourneyEvent, JourneyState } from '@care-journey/journey';
import { UpnInUse } from '../../child-refs/upn-in-use';
import type { RecordingContext } from '../recording/recording-context';
// Value imports: Nest injects them by the constructor's parameter types.
import { AmendedChildRefReservation } from './amended-child-ref.reservation';
import { AmendedUpnReservation } from './amended-upn.reservation';

/**
 * The 903 reference and UPN an amendment gives the registration, held before its append, in the
 * order a registration's are (recording/registration-holds.ts): an amended UPN another child holds
 * is refused first, read only, so nothing is reserved for a refused amendment (the reference is
 * named first when another child holds it too); then the amended reference is reserved, then the
 * UPN. Ordinary commands amend neither and read nothing.
 */
@Injectable()
export class AmendmentHolds {
  constructor(
    private readonly childRefs: AmendedChildRefReservation,
    private readonly upns: AmendedUpnReservation,
  ) {}

  /** Holds what `events` (decided on `state`) amend the registration to; refused: nothing is written. */
  async hold(events: readonly JourneyEvent[], state: JourneyState, context: RecordingContext): Promise<void> {
    const upn = await this.upns.check(events, state).catch(async (error: unknown) => {
      if (error instanceof UpnInUse) await this.childRefs.refuseIfHeldByAnother(events, state);
      throw error;
    });
    await this.childRefs.reserve(events, state, context);
    if (upn) await this.upns.hold(upn, context);
  }
}
