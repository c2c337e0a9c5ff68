/** Temporary placements (T0–T4) sit inside a usual placement: they neither start nor end care, and end by going back. */
import { isTemporaryPlacement } from '../code-groups';
import { violation } from '../errors';
import type { JourneyState } from '../state';

const isTemporaryOpen = (state: JourneyState): boolean =>
  isTemporaryPlacement(state.currentPlacement?.placementType);

export function noTemporaryPlacementOpen(state: JourneyState, action: string): void {
  if (isTemporaryOpen(state)) {
    violation(
      action === 'end care' ? 'temporary-placement-cannot-end-care' : 'temporary-placement-open',
      `The child is in a temporary placement (${state.currentPlacement?.placementType}) since ${state.currentPlacement?.startDate}: end it (back to the usual placement) before you ${action}.`,
      'effectiveDate',
    );
  }
}

export function temporaryCannotStartCare(placementType: string): void {
  if (isTemporaryPlacement(placementType)) {
    violation(
      'temporary-placement-cannot-start-care',
      `A period of care cannot start with a temporary placement (${placementType}).`,
      'placement.placementType',
    );
  }
}

export function mustHaveTemporaryOpen(state: JourneyState): void {
  if (!isTemporaryOpen(state))
    violation('no-temporary-placement-open', 'The child is not in a temporary placement.', 'effectiveDate');
}

export function mustNotHaveTemporaryOpen(state: JourneyState): void {
  if (isTemporaryOpen(state)) {
    violation(
      'temporary-placement-already-open',
      `A temporary placement (${state.currentPlacement?.placementType}) is already open.`,
      'effectiveDate',
    );
  }
}
