/** Children on agreed short breaks (V3/V4) have no statutory reviews and no temporary placements in the 903. */
import { isShortBreak, isTemporaryPlacement } from '../code-groups';
import { violation } from '../errors';
import { legalStatusOn } from '../queries';
import type { JourneyState } from '../state';

export function noReviewsForShortBreaks(state: JourneyState, date: string): void {
  const status = legalStatusOn(state, date)?.legalStatus;
  if (isShortBreak(status))
    violation(
      'no-reviews-for-short-breaks',
      `No statutory reviews are recorded for a child on short breaks (${status}).`,
      'effectiveDate',
    );
}

export function noTemporaryPlacementForShortBreaks(state: JourneyState, date: string): void {
  const status = legalStatusOn(state, date)?.legalStatus;
  if (isShortBreak(status)) {
    violation(
      'no-temporary-placement-for-short-breaks',
      `No temporary placements are recorded for a child on short breaks (${status}).`,
      'placementType',
    );
  }
}

/**
 * The mirror of the above: short breaks do not start while a temporary placement is open (the
 * temporary stay would then be on short breaks). The child goes back to the usual placement first.
 */
export function noShortBreaksInTemporaryPlacement(state: JourneyState, legalStatus: string): void {
  const placement = state.currentPlacement;
  if (!isShortBreak(legalStatus) || !placement || !isTemporaryPlacement(placement.placementType)) return;
  violation(
    'no-temporary-placement-for-short-breaks',
    `legalStatus ${legalStatus} is a short break while the child is in a temporary placement (${placement.placementType}) since ${placement.startDate}: no temporary placements are recorded for a child on short breaks, so the return to the usual placement comes first.`,
    'legalStatus',
  );
}
