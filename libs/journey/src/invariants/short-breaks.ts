/** Children on agreed short breaks (V3/V4) have no statutory reviews and no temporary placements in the 903. */
import { isShortBreak } from '../code-groups';
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
